package io.github.compose4j.model;

/** A duration in nanoseconds ({@code interval: 1m30s}); serialized as Go prints durations. */
public record Duration(long nanos) {
    public static final Duration ZERO = new Duration(0);

    public boolean isZero() {
        return nanos == 0;
    }

    public java.time.Duration toJava() {
        return java.time.Duration.ofNanos(nanos);
    }

    /** Go's {@code time.Duration.String()}: {@code 1h2m3.5s}, {@code 300ms}, {@code 0s}. */
    @Override
    public String toString() {
        long d = nanos;
        if (d == 0) {
            return "0s";
        }
        boolean neg = d < 0;
        // Long.MIN_VALUE has no positive counterpart; unsigned arithmetic handles it as Go does.
        long u = neg ? -d : d;
        StringBuilder sb = new StringBuilder();
        if (Long.compareUnsigned(u, 1_000_000_000L) < 0) {
            String unit;
            int prec;
            if (Long.compareUnsigned(u, 1_000L) < 0) {
                return (neg ? "-" : "") + Long.toUnsignedString(u) + "ns";
            } else if (Long.compareUnsigned(u, 1_000_000L) < 0) {
                unit = "µs";
                prec = 3;
            } else {
                unit = "ms";
                prec = 6;
            }
            sb.append(fraction(u, prec)).append(unit);
        } else {
            long secsTotal = Long.divideUnsigned(u, 1_000_000_000L);
            long fracNanos = Long.remainderUnsigned(u, 1_000_000_000L);
            long hours = secsTotal / 3600;
            long minutes = (secsTotal / 60) % 60;
            long secs = secsTotal % 60;
            if (hours > 0) {
                sb.append(hours).append('h');
            }
            if (hours > 0 || minutes > 0) {
                sb.append(minutes).append('m');
            }
            sb.append(secs);
            if (fracNanos != 0) {
                String f = String.format("%09d", fracNanos);
                int end = f.length();
                while (end > 0 && f.charAt(end - 1) == '0') {
                    end--;
                }
                sb.append('.').append(f, 0, end);
            }
            sb.append('s');
        }
        return (neg ? "-" : "") + sb;
    }

    private static String fraction(long v, int prec) {
        long pow = 1;
        for (int i = 0; i < prec; i++) {
            pow *= 10;
        }
        long whole = v / pow;
        long frac = v % pow;
        if (frac == 0) {
            return Long.toString(whole);
        }
        String f = String.format("%0" + prec + "d", frac);
        int end = f.length();
        while (end > 0 && f.charAt(end - 1) == '0') {
            end--;
        }
        return whole + "." + f.substring(0, end);
    }
}
