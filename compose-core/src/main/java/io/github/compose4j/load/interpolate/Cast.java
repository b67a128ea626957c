package io.github.compose4j.load.interpolate;

import java.util.Locale;

/**
 * The conversions Compose applies to interpolated strings at typed paths, so that
 * {@code replicas: ${N}} becomes a number. Results follow the raw tree's scalar types.
 */
enum Cast {
    INT, INT64, FLOAT, FLOAT32, BOOLEAN;

    /** A failed conversion; the message is Compose's text after "failed to cast to expected type: ". */
    static final class CastError extends Exception {
        private static final long serialVersionUID = 1L;

        CastError(String message) {
            super(message, null, false, false);
        }
    }

    Object apply(String value, Warnings warnings) throws CastError {
        try {
            return switch (this) {
                case INT -> GoStrconv.atoi(value);
                case INT64 -> GoStrconv.parseInt64(value);
                case FLOAT -> GoStrconv.parseFloat(value, 64);
                case FLOAT32 -> GoStrconv.parseFloat(value, 32);
                case BOOLEAN -> toBoolean(value, warnings);
            };
        } catch (GoStrconv.NumError e) {
            throw new CastError(e.getMessage());
        }
    }

    private static Boolean toBoolean(String value, Warnings warnings) throws CastError {
        switch (value.toLowerCase(Locale.ROOT)) {
            case "true":
                return Boolean.TRUE;
            case "false":
                return Boolean.FALSE;
            case "y", "yes", "on":
                warnings.warn(GoQuote.quote(value) + " for boolean is not supported by YAML 1.2, please use `true`");
                return Boolean.TRUE;
            case "n", "no", "off":
                warnings.warn(GoQuote.quote(value) + " for boolean is not supported by YAML 1.2, please use `false`");
                return Boolean.FALSE;
            default:
                throw new CastError("invalid boolean: " + value);
        }
    }
}
