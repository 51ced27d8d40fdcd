package dev.aivj.wasm.compat.java.io;

import java.io.OutputStream;

/** TeaVM stand-in for {@code java.io.ObjectOutputStream}; serialization is unsupported in Wasm. */
public class ObjectOutputStream extends OutputStream {
    public ObjectOutputStream(OutputStream out) {
        throw unsupported();
    }

    private static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("Java serialization is not available in the Wasm build");
    }

    @Override
    public void write(int b) {
        throw unsupported();
    }

    public void defaultWriteObject() {
        throw unsupported();
    }

    public void writeObject(Object obj) {
        throw unsupported();
    }

    public void writeByte(int v) {
        throw unsupported();
    }

    public void writeShort(int v) {
        throw unsupported();
    }

    public void writeInt(int v) {
        throw unsupported();
    }

    public void writeLong(long v) {
        throw unsupported();
    }

    public void writeFloat(float v) {
        throw unsupported();
    }

    public void writeDouble(double v) {
        throw unsupported();
    }

    public void writeUTF(String s) {
        throw unsupported();
    }
}
