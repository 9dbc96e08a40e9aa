package dev.kubelint.core.source;

import dev.kubelint.core.yaml.Position;
import dev.kubelint.core.yaml.ReadLimits;
import dev.kubelint.core.yaml.ReadProblem;
import dev.kubelint.core.yaml.Span;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads an input's bytes and decodes them as kubectl would: UTF-8, with or without a byte order mark, or UTF-16
 * with one. Never throws: a file that cannot be read or decoded becomes a problem with a position.
 */
public final class SourceLoader {

    /** Either the decoded source or why there is none. */
    public record Loaded(Optional<SourceFile> source, Optional<ReadProblem> problem) {
        static Loaded of(SourceFile source) {
            return new Loaded(Optional.of(source), Optional.empty());
        }

        static Loaded failed(ReadProblem problem) {
            return new Loaded(Optional.empty(), Optional.of(problem));
        }
    }

    private final ReadLimits limits;

    public SourceLoader(ReadLimits limits) {
        this.limits = limits;
    }

    public Loaded load(SourceScanner.Input input, InputStream stdin) {
        // Read at most one byte past the limit, whatever the input is: a regular file that is too large is
        // refused by its size before any byte is read; a pipe, a device such as /dev/zero or a file that grows
        // while it is read stops at the limit instead of filling the memory.
        int cap = (int) Math.min(Integer.MAX_VALUE - 8, limits.maxFileBytes() + 1);
        try {
            byte[] bytes;
            if (input.isStdin()) {
                bytes = stdin.readNBytes(cap);
            } else {
                Path path = input.path().get();
                if (Files.isRegularFile(path)) {
                    long size = Files.size(path);
                    if (size > limits.maxFileBytes()) {
                        return Loaded.failed(tooLarge("file has " + size + " bytes, more than"));
                    }
                }
                try (InputStream in = Files.newInputStream(path)) {
                    bytes = in.readNBytes(cap);
                }
            }
            if (bytes.length > limits.maxFileBytes()) {
                return Loaded.failed(tooLarge("input is longer than"));
            }
            return decode(input, bytes);
        } catch (IOException | SecurityException e) {
            return Loaded.failed(
                    new ReadProblem(ReadProblem.Kind.ENCODING, "cannot read the file: " + reason(e), Span.START, 0));
        }
    }

    private static String reason(Exception e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "it does not exist (a broken symbolic link?)";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private ReadProblem tooLarge(String what) {
        return new ReadProblem(
                ReadProblem.Kind.LIMIT,
                what + " the limit of " + limits.maxFileBytes() + " bytes (" + ReadLimits.Limit.FILE_SIZE.key()
                        + "); it was not read: " + ReadLimits.Limit.FILE_SIZE.howToRaise(),
                Span.START,
                0);
    }

    /** Decodes bytes of one input. */
    public static Loaded decode(SourceScanner.Input input, byte[] bytes) {
        int offset = 0;
        java.nio.charset.Charset charset = StandardCharsets.UTF_8;
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            offset = 3;
        } else if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF) {
            offset = 2;
            charset = StandardCharsets.UTF_16BE;
        } else if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE) {
            offset = 2;
            charset = StandardCharsets.UTF_16LE;
        }
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        try {
            CharBuffer text = decoder.decode(in);
            return Loaded.of(new SourceFile(input.path(), input.displayName(), text.toString()));
        } catch (CharacterCodingException e) {
            int bad = firstBadByte(bytes, offset, charset);
            Position at = positionOfByte(bytes, offset, bad, charset);
            String what = charset == StandardCharsets.UTF_8 ? "UTF-8" : charset.name();
            String detail = e instanceof MalformedInputException
                    ? "invalid " + what + " byte sequence at byte " + bad
                    : "cannot decode " + what + " at byte " + bad;
            return Loaded.failed(new ReadProblem(
                    ReadProblem.Kind.ENCODING,
                    "the file is not valid text: " + detail
                            + "; kubectl reads manifests as UTF-8 (or UTF-16 with a byte order mark)",
                    new Span(at, at),
                    0));
        }
    }

    private static int firstBadByte(byte[] bytes, int offset, java.nio.charset.Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        CharBuffer out = CharBuffer.allocate(bytes.length * 2 + 2);
        decoder.decode(in, out, true);
        return in.position();
    }

    /** 1-based line and column (in characters) of a byte offset, counting from the decoded prefix. */
    private static Position positionOfByte(byte[] bytes, int offset, int byteIndex, java.nio.charset.Charset charset) {
        String prefix = new String(bytes, offset, Math.max(0, byteIndex - offset), charset);
        int line = 1;
        int lastBreak = -1;
        for (int i = 0; i < prefix.length(); i++) {
            // line breaks as the YAML reader counts them: \n, \r\n and a lone \r
            char c = prefix.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 >= prefix.length() || prefix.charAt(i + 1) != '\n')) {
                line++;
                lastBreak = i;
            }
        }
        int column = prefix.codePointCount(lastBreak + 1, prefix.length()) + 1;
        return new Position(line, column);
    }
}
