package io.github.compose4j.load.canonical;

import java.util.ArrayList;
import java.util.List;

/** Path manipulation with Go's {@code path}/{@code filepath} semantics on Unix. */
public final class GoPaths {
    private GoPaths() {
    }

    /** Go's {@code path.Clean}: removes {@code .} and {@code ..} elements and duplicate slashes. */
    public static String clean(String p) {
        if (p.isEmpty()) {
            return ".";
        }
        if (isClean(p)) {
            return p;
        }
        boolean rooted = p.charAt(0) == '/';
        List<String> out = new ArrayList<>();
        for (String part : p.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!out.isEmpty() && !out.get(out.size() - 1).equals("..")) {
                    out.remove(out.size() - 1);
                } else if (!rooted) {
                    out.add("..");
                }
                continue;
            }
            out.add(part);
        }
        String joined = String.join("/", out);
        if (rooted) {
            return "/" + joined;
        }
        return joined.isEmpty() ? "." : joined;
    }

    /** Whether {@link #clean} would return {@code p} itself: no empty, {@code .} or {@code ..} element. */
    private static boolean isClean(String p) {
        int n = p.length();
        if (n == 1) {
            return true;
        }
        if (p.charAt(n - 1) == '/') {
            return false;
        }
        int start = p.charAt(0) == '/' ? 1 : 0;
        for (int i = start; i <= n; i++) {
            if (i == n || p.charAt(i) == '/') {
                int len = i - start;
                if (len == 0 || (p.charAt(start) == '.' && (len == 1 || (len == 2 && p.charAt(start + 1) == '.')))) {
                    return false;
                }
                start = i + 1;
            }
        }
        return true;
    }

    /** Go's {@code filepath.Join}: joins the non-empty elements and cleans the result. */
    public static String join(String... elems) {
        StringBuilder sb = new StringBuilder();
        for (String e : elems) {
            if (e.isEmpty()) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append('/');
            }
            sb.append(e);
        }
        return sb.length() == 0 ? "" : clean(sb.toString());
    }

    public static boolean isAbs(String p) {
        return p.startsWith("/");
    }

    /** Go's {@code filepath.Dir}. */
    public static String dir(String p) {
        int i = p.lastIndexOf('/');
        String d = i < 0 ? "" : p.substring(0, i + 1);
        return clean(d.isEmpty() ? "." : d);
    }

    /** Go's {@code filepath.Base}. */
    public static String base(String p) {
        if (p.isEmpty()) {
            return ".";
        }
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        int i = p.lastIndexOf('/');
        String b = i < 0 ? p : p.substring(i + 1);
        return b.isEmpty() ? "/" : b;
    }

    /** Go's {@code filepath.Rel} for absolute, cleaned paths. */
    public static String rel(String basePath, String target) {
        String b = clean(basePath);
        String t = clean(target);
        if (b.equals(t)) {
            return ".";
        }
        String[] bs = b.equals("/") ? new String[0] : b.substring(1).split("/");
        String[] ts = t.equals("/") ? new String[0] : t.substring(1).split("/");
        int common = 0;
        while (common < bs.length && common < ts.length && bs[common].equals(ts[common])) {
            common++;
        }
        List<String> parts = new ArrayList<>();
        for (int i = common; i < bs.length; i++) {
            parts.add("..");
        }
        for (int i = common; i < ts.length; i++) {
            parts.add(ts[i]);
        }
        return String.join("/", parts);
    }
}
