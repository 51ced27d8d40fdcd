package dev.aivj.wasm.compat.sun.misc;

/**
 * TeaVM stand-in for {@code sun.misc.Unsafe}: off-heap memory does not exist in the Wasm build.
 * JLargeArrays only uses it for arrays beyond 2^31 elements, which the engine turns off.
 */
public final class Unsafe {
    private Unsafe() {
    }

    private static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("sun.misc.Unsafe is not available in the Wasm build");
    }

    public long allocateMemory(long bytes) {
        throw unsupported();
    }

    public void freeMemory(long address) {
        throw unsupported();
    }

    public byte getByte(long address) {
        throw unsupported();
    }

    public void putByte(long address, byte value) {
        throw unsupported();
    }

    public short getShort(long address) {
        throw unsupported();
    }

    public void putShort(long address, short value) {
        throw unsupported();
    }

    public int getInt(long address) {
        throw unsupported();
    }

    public void putInt(long address, int value) {
        throw unsupported();
    }

    public long getLong(long address) {
        throw unsupported();
    }

    public void putLong(long address, long value) {
        throw unsupported();
    }

    public float getFloat(long address) {
        throw unsupported();
    }

    public void putFloat(long address, float value) {
        throw unsupported();
    }

    public double getDouble(long address) {
        throw unsupported();
    }

    public void putDouble(long address, double value) {
        throw unsupported();
    }
}
