package io.github.compose4j.load.interpolate;

import io.github.compose4j.error.ComposeException;
import io.github.compose4j.error.Failure;

/**
 * A template that cannot be substituted. The message is Compose's own text for the error, without
 * a location: the caller knows where the template came from and adds it.
 */
public abstract sealed class TemplateException extends ComposeException
        permits TemplateException.Invalid, TemplateException.MissingRequired {
    private static final long serialVersionUID = 1L;

    private TemplateException(String message) {
        super(Failure.COMPOSE_PARSE, message);
    }

    /** A {@code ${} that does not start a valid substitution. */
    public static final class Invalid extends TemplateException {
        private static final long serialVersionUID = 1L;

        private final String template;

        public Invalid(String template) {
            super("Invalid template: " + GoQuote.quote(template));
            this.template = template;
        }

        /**
         * The text Compose shows as the invalid template. For an error inside a default value or after
         * a nested substitution it is only that part, not the whole string.
         */
        public String template() {
            return template;
        }
    }

    /** A {@code ${VAR:?msg}} or {@code ${VAR?msg}} whose variable has no acceptable value. */
    public static final class MissingRequired extends TemplateException {
        private static final long serialVersionUID = 1L;

        private final String variable;
        private final String reason;

        public MissingRequired(String variable, String reason) {
            super(reason.isEmpty() ? "required variable " + variable + " is missing a value"
                    : "required variable " + variable + " is missing a value: " + reason);
            this.variable = variable;
            this.reason = reason;
        }

        public String variable() {
            return variable;
        }

        /** The message written after the operator, already substituted; may be empty. */
        public String reason() {
            return reason;
        }
    }
}
