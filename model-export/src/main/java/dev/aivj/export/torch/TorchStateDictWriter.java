package dev.aivj.export.torch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes float32 tensors as {@code torch.save} writes a state dict (zip format, pickle protocol 2, entries stored
 * uncompressed): {@code <name>/data.pkl}, {@code <name>/data/<i>} per tensor, {@code <name>/byteorder} and
 * {@code <name>/version}. AIVJ has no PyTorch to write a real one (Debian has no python3-torch), so this is how the
 * tests get a {@code .pth} to read: a GENERATED file, which says so in an extra entry
 * {@code <name>/GENERATED.txt} that PyTorch ignores. (torch.save also pads entries to 64-byte boundaries; readers do
 * not need it and this writer does not pad.)
 */
public final class TorchStateDictWriter {
    private TorchStateDictWriter() {
    }

    public static void write(Path file, String archive, Map<String, TorchStateDict.Tensor> tensors, String generated)
            throws IOException {
        ByteArrayOutputStream pkl = new ByteArrayOutputStream();
        pkl.write(new byte[] {(byte) 0x80, 2});
        global(pkl, "collections", "OrderedDict");
        pkl.write(')');
        pkl.write('R');
        pkl.write('(');
        int key = 0;
        for (Map.Entry<String, TorchStateDict.Tensor> e : tensors.entrySet()) {
            int[] shape = e.getValue().shape();
            unicode(pkl, e.getKey());
            global(pkl, "torch._utils", "_rebuild_tensor_v2");
            pkl.write('(');
            pkl.write('('); // the persistent id: ('storage', torch.FloatStorage, key, location, numel)
            unicode(pkl, "storage");
            global(pkl, "torch", "FloatStorage");
            unicode(pkl, Integer.toString(key++));
            unicode(pkl, "cpu");
            binint(pkl, e.getValue().values().length);
            pkl.write('t');
            pkl.write('Q');
            binint(pkl, 0);
            pkl.write('(');
            for (int s : shape) {
                binint(pkl, s);
            }
            pkl.write('t');
            pkl.write('(');
            for (int d = 0; d < shape.length; d++) { // contiguous strides
                int stride = 1;
                for (int k = d + 1; k < shape.length; k++) {
                    stride *= shape[k];
                }
                binint(pkl, stride);
            }
            pkl.write('t');
            pkl.write(0x89); // requires_grad False
            global(pkl, "collections", "OrderedDict");
            pkl.write(')');
            pkl.write('R'); // backward hooks
            pkl.write('t');
            pkl.write('R');
        }
        pkl.write('u');
        pkl.write('.');
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            stored(zip, archive + "/data.pkl", pkl.toByteArray());
            stored(zip, archive + "/byteorder", "little".getBytes(StandardCharsets.US_ASCII));
            key = 0;
            for (TorchStateDict.Tensor t : tensors.values()) {
                ByteBuffer b = ByteBuffer.allocate(t.values().length * 4).order(ByteOrder.LITTLE_ENDIAN);
                b.asFloatBuffer().put(t.values());
                stored(zip, archive + "/data/" + key++, b.array());
            }
            stored(zip, archive + "/version", "3\n".getBytes(StandardCharsets.US_ASCII));
            stored(zip, archive + "/GENERATED.txt", (generated + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void stored(ZipOutputStream zip, String name, byte[] data) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED);
        e.setSize(data.length);
        e.setCompressedSize(data.length);
        CRC32 crc = new CRC32();
        crc.update(data);
        e.setCrc(crc.getValue());
        zip.putNextEntry(e);
        zip.write(data);
        zip.closeEntry();
    }

    private static void global(OutputStream out, String module, String name) throws IOException {
        out.write('c');
        out.write((module + "\n" + name + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    private static void unicode(OutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.write('X');
        out.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(b.length).array());
        out.write(b);
    }

    private static void binint(OutputStream out, int v) throws IOException {
        out.write('J');
        out.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array());
    }
}
