package dev.cordon.audit.chain;

import java.util.Arrays;

/** An unsynchronised growable byte buffer: {@code ByteArrayOutputStream} locks on every byte. Not thread-safe. */
final class ByteSink {

    private byte[] bytes;
    private int size;

    ByteSink(int capacity) {
        bytes = new byte[capacity];
    }

    void write(int b) {
        if (size == bytes.length) {
            bytes = Arrays.copyOf(bytes, size * 2);
        }
        bytes[size++] = (byte) b;
    }

    void write(byte[] chunk) {
        if (size + chunk.length > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(size * 2, size + chunk.length));
        }
        System.arraycopy(chunk, 0, bytes, size, chunk.length);
        size += chunk.length;
    }

    /** Writes chars {@code from..to} of {@code text}, each of which the caller has checked is ASCII. */
    void writeAscii(String text, int from, int to) {
        int length = to - from;
        if (size + length > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(size * 2, size + length));
        }
        for (int i = from; i < to; i++) {
            bytes[size++] = (byte) text.charAt(i);
        }
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }
}
