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

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }
}
