package io.github.compose4j.oneoff;

import java.io.ByteArrayOutputStream;

/** A detach key sequence as the docker CLI writes it: {@code ctrl-p,ctrl-q}, or single characters, comma-separated. */
final class DetachKeys {
    static final String DEFAULT = "ctrl-p,ctrl-q";

    private DetachKeys() {
    }

    /** The bytes of {@code keys} ({@link #DEFAULT} when empty); none when they are not a sequence the engine takes. */
    static byte[] parse(String keys) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String key : (keys.isEmpty() ? DEFAULT : keys).split(",", -1)) {
            if (key.length() == 1) {
                out.write(key.charAt(0));
            } else if (key.length() == 6 && key.startsWith("ctrl-")) {
                char c = key.charAt(5);
                if (c >= 'a' && c <= 'z') {
                    out.write(c - 'a' + 1);
                } else if (c >= '@' && c <= '_' && !(c >= 'A' && c <= 'Z')) {
                    out.write(c - '@'); // ctrl-@ is 0, ctrl-[ 27 ... ctrl-_ 31
                } else {
                    return new byte[0];
                }
            } else {
                return new byte[0];
            }
        }
        return out.toByteArray();
    }
}
