package io.github.compose4j.load.canonical;

/** Validation of textual IP addresses as Go's {@code net.ParseIP} accepts them; never resolves names. */
public final class IpAddresses {
    private IpAddresses() {
    }

    public static boolean isValid(String s) {
        return isIpv4(s) || isIpv6(s);
    }

    public static boolean isIpv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || (p.length() > 1 && p.charAt(0) == '0')) {
                return false;
            }
            for (int i = 0; i < p.length(); i++) {
                if (!Character.isDigit(p.charAt(i)) || p.charAt(i) > '9') {
                    return false;
                }
            }
            if (Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return true;
    }

    public static boolean isIpv6(String s) {
        if (s.isEmpty() || s.indexOf(':') < 0) {
            return false;
        }
        int zone = s.indexOf('%');
        if (zone >= 0) {
            return false;
        }
        int doubleColon = s.indexOf("::");
        if (doubleColon >= 0 && s.indexOf("::", doubleColon + 1) >= 0) {
            return false;
        }
        String head = doubleColon >= 0 ? s.substring(0, doubleColon) : s;
        String tail = doubleColon >= 0 ? s.substring(doubleColon + 2) : "";
        int groups = 0;
        String[] sections = doubleColon >= 0 ? new String[] {head, tail} : new String[] {head};
        for (int si = 0; si < sections.length; si++) {
            String sec = sections[si];
            if (sec.isEmpty()) {
                continue;
            }
            String[] gs = sec.split(":", -1);
            for (int gi = 0; gi < gs.length; gi++) {
                String g = gs[gi];
                boolean last = (si == sections.length - 1) && gi == gs.length - 1;
                if (last && g.contains(".")) {
                    if (!isIpv4(g)) {
                        return false;
                    }
                    groups += 2;
                    continue;
                }
                if (g.isEmpty() || g.length() > 4) {
                    return false;
                }
                for (int i = 0; i < g.length(); i++) {
                    if (Character.digit(g.charAt(i), 16) < 0) {
                        return false;
                    }
                }
                groups++;
            }
        }
        return doubleColon >= 0 ? groups < 8 : groups == 8;
    }
}
