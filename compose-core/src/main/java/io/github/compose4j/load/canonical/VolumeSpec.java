package io.github.compose4j.load.canonical;

import io.github.compose4j.error.ComposeException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The short volume syntax ({@code [source:]target[:options]}) turned into its long form, the way
 * Compose parses it: a source starting with {@code . / ~} (or a Windows drive) is a bind mount, any
 * other source a named volume, no source an anonymous volume. Unknown options are ignored, as Compose does.
 */
public final class VolumeSpec {
    private static final Set<String> PROPAGATIONS = Set.of("rprivate", "private", "rshared", "shared", "rslave", "slave");

    private VolumeSpec() {
    }

    /** The long-syntax mapping (plain values: String, Boolean, Map), keys in Compose's order. */
    public static Map<String, Object> parse(String spec) {
        String source = "";
        String target = "";
        boolean readOnly = false;
        Map<String, Object> bind = null;
        Map<String, Object> volume = null;
        int len = spec.length();
        if (len == 0) {
            throw ComposeException.invalid("invalid empty volume spec");
        }
        if (spec.codePointCount(0, len) <= 2 && len <= 2) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", "volume");
            m.put("target", cleanTarget(spec));
            return m;
        }
        StringBuilder buffer = new StringBuilder();
        int bufferRunes = 0;
        int i = 0;
        boolean end = false;
        while (!end) {
            int ch;
            if (i < len) {
                ch = spec.codePointAt(i);
                i += Character.charCount(ch);
            } else {
                ch = 0;
                end = true;
            }
            if (ch == ':' && bufferRunes == 1 && Character.isLetter(buffer.codePointAt(0))) {
                buffer.appendCodePoint(ch);
                bufferRunes++;
                continue;
            }
            if (ch == ':' || end) {
                String s = buffer.toString();
                if (bufferRunes == 0) {
                    throw ComposeException.invalid("invalid spec: " + spec + ": empty section between colons");
                } else if (source.isEmpty() && end) {
                    target = s;
                } else if (source.isEmpty()) {
                    source = s;
                } else if (target.isEmpty()) {
                    target = s;
                } else if (ch == ':') {
                    throw ComposeException.invalid("invalid spec: " + spec + ": too many colons");
                } else {
                    for (String option : s.split(",", -1)) {
                        switch (option) {
                            case "ro" -> readOnly = true;
                            case "rw" -> readOnly = false;
                            case "nocopy" -> {
                                volume = new LinkedHashMap<>();
                                volume.put("nocopy", true);
                            }
                            default -> {
                                if (PROPAGATIONS.contains(option)) {
                                    bind = bind == null ? new LinkedHashMap<>() : bind;
                                    bind.put("propagation", option);
                                } else if (option.equals("z") || option.equals("Z")) {
                                    bind = bind == null ? new LinkedHashMap<>() : bind;
                                    bind.put("selinux", option);
                                }
                            }
                        }
                    }
                }
                buffer.setLength(0);
                bufferRunes = 0;
                continue;
            }
            buffer.appendCodePoint(ch);
            bufferRunes++;
        }
        String type;
        if (isFilePath(source)) {
            type = "bind";
            bind = bind == null ? new LinkedHashMap<>() : bind;
            bind.put("create_host_path", true);
        } else {
            type = "volume";
            volume = volume == null ? new LinkedHashMap<>() : volume;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        if (!source.isEmpty()) {
            m.put("source", source);
        }
        if (!target.isEmpty()) {
            m.put("target", cleanTarget(target));
        }
        if (readOnly) {
            m.put("read_only", true);
        }
        if (bind != null) {
            m.put("bind", bind);
        }
        if (volume != null) {
            m.put("volume", volume);
        }
        return m;
    }

    static boolean isFilePath(String source) {
        if (source.isEmpty()) {
            return false;
        }
        char c = source.charAt(0);
        if (c == '.' || c == '/' || c == '~') {
            return true;
        }
        if (source.startsWith("\\\\")) {
            return true;
        }
        int first = source.codePointAt(0);
        int next = Character.charCount(first);
        if (source.length() <= next) {
            return false;
        }
        return source.charAt(next) == ':' && Character.isLetter(first);
    }

    /** {@code path.Clean} of a container path. */
    public static String cleanTarget(String target) {
        if (target.isEmpty()) {
            return "";
        }
        return GoPaths.clean(target);
    }
}
