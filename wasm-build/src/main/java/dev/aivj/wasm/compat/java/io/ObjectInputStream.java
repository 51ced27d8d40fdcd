package dev.aivj.wasm.compat.java.io;

import java.io.InputStream;

/** TeaVM stand-in for {@code java.io.ObjectInputStream}; serialization is unsupported in Wasm. */
public class ObjectInputStream extends InputStream {
    public ObjectInputStream(InputStream in) {
        throw unsupported();
    }

    private static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("Java serialization is not available in the Wasm build");
    }

    @Override
    public int read() {
        throw unsupported();
    }

    public void defaultReadObject() {
        throw unsupported();
    }

    public Object readObject() {
        throw unsupported();
    }

    public byte readByte() {
        throw unsupported();
    }

    public short readShort() {
        throw unsupported();
    }

    public int readInt() {
        throw unsupported();
    }

    public long readLong() {
        throw unsupported();
    }

    public float readFloat() {
        throw unsupported();
    }

    public double readDouble() {
        throw unsupported();
    }

    public String readUTF() {
        throw unsupported();
    }
}
