package io.github.compose4j.load.yaml;

import io.github.compose4j.error.ComposeException;
import io.github.compose4j.error.Failure;
import io.github.compose4j.load.tree.MapNode;
import io.github.compose4j.load.tree.Mark;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The YAML stage of the loader: the text of one compose file becomes raw trees, one per document, exactly
 * as Docker Compose (compose-go on gopkg.in/yaml.v3) sees them. The text is parsed by {@link SubsetParser}
 * when it can, by snakeyaml-engine's event parser otherwise (and for every error); both build the same
 * {@link RawNode} graphs, and no Java object is ever built from a tag. See {@link TreeBuilder} for the
 * decoding rules.
 */
public final class YamlParser {
    /** Documents up to this many levels are converted on the caller's thread. */
    private static final int INLINE_HEIGHT = 64;
    /** Generous stack for one level of conversion (several frames, interpreted). */
    private static final long STACK_PER_LEVEL = 4096;

    private final YamlLimits limits;

    public YamlParser(YamlLimits limits) {
        this.limits = Objects.requireNonNull(limits);
    }

    /**
     * Whether go-yaml reads {@code text}, written as a plain scalar, as a string. Its writer quotes the
     * strings for which this is false, so that they read back as strings.
     */
    public static boolean readsAsString(String text) {
        return GoScalars.STR.equals(GoScalars.resolve(null, text).tag());
    }

    /**
     * Every document of the file, in order; a file with no document (empty, or only comments) gives an
     * empty list. Each root must be a mapping.
     *
     * @param fileName how errors name the file
     * @throws ComposeException (exit 15) on a syntax error, a decoding error Compose also reports, or a
     *                          file beyond the limits
     */
    public List<MapNode> parse(String fileName, String content) {
        Objects.requireNonNull(fileName);
        Objects.requireNonNull(content);
        checkSize(fileName, content);
        String text = !content.isEmpty() && content.charAt(0) == '\uFEFF' ? content.substring(1) : content;
        TreeBuilder builder = new TreeBuilder(fileName, limits);
        List<MapNode> documents = new ArrayList<>();
        List<RawNode> roots = SubsetParser.parse(fileName, text, limits);
        if (roots != null) {
            // The text parsed without error, so converting after parsing gives what the loop below gives.
            for (RawNode root : roots) {
                documents.add(convert(fileName, builder, root));
            }
            return documents;
        }
        RawComposer composer = new RawComposer(fileName, text, limits);
        // One document at a time, as Compose does: a later document's syntax error comes after an
        // earlier document's decoding error.
        for (RawNode root = composer.nextDocument(); root != null; root = composer.nextDocument()) {
            documents.add(convert(fileName, builder, root));
        }
        return documents;
    }

    private MapNode convert(String fileName, TreeBuilder builder, RawNode root) {
        return root.height <= INLINE_HEIGHT ? builder.document(root) : onDeepStack(fileName, builder, root);
    }

    /**
     * Converts a deep document on a thread whose stack fits the depth limit: conversion recurses once
     * per level, and the caller's stack may be small.
     */
    private MapNode onDeepStack(String fileName, TreeBuilder builder, RawNode root) {
        MapNode[] result = new MapNode[1];
        Throwable[] failure = new Throwable[1];
        long stack = STACK_PER_LEVEL * Math.min(limits.maxDepth(), root.height) + (1 << 20);
        Thread worker = new Thread(null, () -> {
            try {
                result[0] = builder.document(root);
            } catch (StackOverflowError e) {
                failure[0] = ComposeException.invalid(new Mark(fileName, root.line, root.column)
                        .prefix("yaml: the document is nested too deeply"));
            } catch (RuntimeException | Error e) {
                failure[0] = e;
            }
        }, "compose4j-yaml", stack);
        worker.start();
        boolean interrupted = false;
        while (true) {
            try {
                worker.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // the worker is bounded by the limits: finish, then restore
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure[0] instanceof RuntimeException e) {
            throw e;
        }
        if (failure[0] instanceof Error e) {
            throw e;
        }
        return result[0];
    }

    private void checkSize(String fileName, String content) {
        long chars = content.length();
        if (chars * 3 <= limits.maxBytes()) {
            return; // cannot exceed the limit however it encodes
        }
        long bytes = chars > limits.maxBytes() ? chars : utf8Length(content);
        if (bytes > limits.maxBytes()) {
            throw tooLarge(fileName, bytes, limits.maxBytes());
        }
    }

    private static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    private static ComposeException tooLarge(String fileName, long size, long max) {
        String amount = size < 0 ? "more than " + max + " bytes" : size + " bytes";
        return ComposeException.invalid(new Mark(fileName, 0, 0).prefix("the file is too large to load ("
                + amount + "; the limit is " + max + " bytes)"));
    }

    /**
     * Reads a compose file as text, refusing it without reading it when it is larger than {@code maxBytes}.
     * The bytes must be UTF-8 (or UTF-16 with a byte order mark, which libyaml also accepts); a leading
     * byte order mark is removed.
     *
     * @throws ComposeException exit 14 when the file does not exist, 15 when it is too large or not text
     */
    public static String readLimited(Path file, long maxBytes) {
        String name = file.toString();
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw new ComposeException(Failure.GENERAL, "read " + name + ": is a directory");
            }
            long size = Files.size(file);
            if (size > maxBytes) {
                throw tooLarge(name, size, maxBytes);
            }
            try (InputStream in = Files.newInputStream(file)) {
                // The size can change, or lie (pipes, /proc): never read past the limit.
                bytes = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
            }
            if (bytes.length > maxBytes) {
                throw tooLarge(name, -1, maxBytes);
            }
        } catch (NoSuchFileException e) {
            throw ComposeException.notFound("open " + name + ": no such file or directory");
        } catch (AccessDeniedException e) {
            throw new ComposeException(Failure.GENERAL, "open " + name + ": permission denied", e);
        } catch (IOException e) {
            throw new ComposeException(Failure.GENERAL, "read " + name + ": " + e.getMessage(), e);
        }
        return decode(name, bytes);
    }

    static String decode(String name, byte[] bytes) {
        Charset charset = StandardCharsets.UTF_8;
        int skip = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            skip = 3;
        } else if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE) {
            charset = StandardCharsets.UTF_16LE;
            skip = 2;
        } else if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF) {
            charset = StandardCharsets.UTF_16BE;
            skip = 2;
        }
        if (charset == StandardCharsets.UTF_8 && isAscii(bytes, skip)) {
            // Most compose files are ASCII: one copy into a compact Latin-1 string, no decoder.
            return new String(bytes, skip, bytes.length - skip, StandardCharsets.ISO_8859_1);
        }
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, skip, bytes.length - skip);
        try {
            return decoder.decode(in).toString();
        } catch (MalformedInputException e) {
            throw ComposeException.invalid(byteMark(name, bytes, skip, in.position()).prefix(
                    "yaml: invalid " + (charset == StandardCharsets.UTF_8 ? "UTF-8" : "UTF-16") + " text"));
        } catch (CharacterCodingException e) {
            throw ComposeException.invalid(new Mark(name, 0, 0).prefix("yaml: the file is not valid text"));
        }
    }

    private static boolean isAscii(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /** The position of a byte offset in UTF-8 text, counting characters as libyaml does. */
    private static Mark byteMark(String name, byte[] bytes, int from, int offset) {
        int line = 1;
        int column = 1;
        for (int i = from; i < offset && i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            if (b == '\n') {
                line++;
                column = 1;
            } else if ((b & 0xC0) != 0x80) {
                column++;
            }
        }
        return new Mark(name, line, column);
    }
}
