package dev.aivj.export.torch;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import net.razorvine.pickle.IObjectConstructor;
import net.razorvine.pickle.PickleException;
import net.razorvine.pickle.Unpickler;

/**
 * Reads a PyTorch state dict saved by {@code torch.save} (the zip format of PyTorch ≥ 1.6): {@code <name>/data.pkl},
 * a pickle of the dict whose tensors are {@code torch._utils._rebuild_tensor_v2(storage, offset, size, stride, ...)}
 * calls on persistent ids {@code ('storage', <dtype>Storage, key, location, numel)}, and {@code <name>/data/<key>},
 * each storage's raw little-endian values. The pickle is read with Pyrolite ({@code net.razorvine:pickle}); only
 * float32 tensors (FloatStorage) are taken, as the team's coupling net has no others. A file that is not such a
 * zip, or a tensor that does not fit its storage, is an IOException with one line naming the file.
 */
public final class TorchStateDict {
    /** A tensor: its shape and its values in row-major order. */
    public record Tensor(int[] shape, float[] values) {
        public int size(int dim) {
            return shape[dim];
        }

        @Override
        public String toString() {
            return Arrays.toString(shape);
        }
    }

    /** The storage class a persistent id names ({@code torch.FloatStorage}, ...): its name is the dtype. */
    private record StorageType(String name) implements IObjectConstructor {
        @Override
        public Object construct(Object[] args) {
            throw new PickleException("torch." + name + " is not constructed in a state dict");
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** A storage named by a persistent id, resolved when the tensor that uses it is rebuilt. */
    private record StorageRef(String dtype, String key, long numel) {
    }

    private TorchStateDict() {
    }

    public static Map<String, Tensor> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no such file");
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry pkl = zip.stream().filter(e -> e.getName().endsWith("/data.pkl") || e.getName().equals("data.pkl"))
                    .findFirst().orElseThrow(() -> new IOException(file + ": no data.pkl in it (not a state dict saved"
                            + " by torch.save in the zip format)"));
            String prefix = pkl.getName().substring(0, pkl.getName().length() - "data.pkl".length());
            Map<String, float[]> storages = new HashMap<>();
            Unpickler u = new Unpickler() {
                @Override
                protected Object persistentLoad(Object pid) {
                    Object[] t = pid instanceof Object[] a ? a : null;
                    if (t == null || t.length < 5 || !"storage".equals(t[0])) {
                        throw new PickleException("unknown persistent id " + pid);
                    }
                    return new StorageRef(String.valueOf(t[1]), String.valueOf(t[2]), ((Number) t[4]).longValue());
                }
            };
            Object root;
            try (var in = zip.getInputStream(pkl)) {
                root = u.load(new ByteArrayInputStream(in.readAllBytes()));
            } catch (PickleException | ClassCastException e) {
                throw new IOException(file + ": " + pkl.getName() + " is no state dict pickle (" + e.getMessage() + ")");
            }
            if (!(root instanceof Map<?, ?> dict)) {
                throw new IOException(file + ": " + pkl.getName() + " holds a " + (root == null ? "None"
                        : root.getClass().getSimpleName()) + ", not a state dict");
            }
            Map<String, Tensor> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : dict.entrySet()) {
                if (!(e.getValue() instanceof Rebuilt r)) {
                    continue; // e.g. num_batches_tracked of a batch norm: not a float tensor
                }
                float[] storage = storages.get(r.storage.key());
                if (storage == null) {
                    storage = storage(zip, file, prefix, r.storage);
                    storages.put(r.storage.key(), storage);
                }
                out.put(String.valueOf(e.getKey()), r.tensor(file, String.valueOf(e.getKey()), storage));
            }
            if (out.isEmpty()) {
                throw new IOException(file + ": the state dict holds no float32 tensor");
            }
            return out;
        } catch (ZipException e) {
            throw new IOException(file + ": not a zip (" + e.getMessage() + "); only the zip format of torch.save"
                    + " (PyTorch 1.6 and later) is read");
        }
    }

    private static float[] storage(ZipFile zip, Path file, String prefix, StorageRef ref) throws IOException {
        if (!ref.dtype().endsWith("FloatStorage")) {
            throw new IOException(file + ": storage " + ref.key() + " is " + ref.dtype() + "; only float32"
                    + " (FloatStorage) is read");
        }
        ZipEntry e = zip.getEntry(prefix + "data/" + ref.key());
        if (e == null) {
            throw new IOException(file + ": no " + prefix + "data/" + ref.key() + " for storage " + ref.key());
        }
        byte[] bytes;
        try (var in = zip.getInputStream(e)) {
            bytes = in.readAllBytes();
        }
        if (bytes.length != ref.numel() * 4) {
            throw new IOException(file + ": " + e.getName() + " has " + bytes.length + " bytes, its storage says "
                    + ref.numel() + " floats");
        }
        float[] v = new float[(int) ref.numel()];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
        return v;
    }

    /** What {@code _rebuild_tensor_v2} stands for until its storage is read. */
    private record Rebuilt(StorageRef storage, long offset, int[] shape, long[] stride) {
        Tensor tensor(Path file, String name, float[] data) throws IOException {
            int n = 1;
            for (int s : shape) {
                n *= s;
            }
            float[] v = new float[n];
            int[] index = new int[shape.length];
            for (int i = 0; i < n; i++) {
                long at = offset;
                for (int d = 0; d < shape.length; d++) {
                    at += index[d] * stride[d];
                }
                if (at < 0 || at >= data.length) {
                    throw new IOException(file + ": tensor " + name + " " + Arrays.toString(shape)
                            + " reaches past its storage of " + data.length + " floats");
                }
                v[i] = data[(int) at];
                for (int d = shape.length - 1; d >= 0; d--) { // next row-major index
                    if (++index[d] < shape[d]) {
                        break;
                    }
                    index[d] = 0;
                }
            }
            return new Tensor(shape, v);
        }
    }

    static {
        IObjectConstructor rebuild = args -> {
            if (args.length < 4 || !(args[0] instanceof StorageRef s)) {
                throw new PickleException("unexpected _rebuild_tensor_v2 arguments");
            }
            return new Rebuilt(s, ((Number) args[1]).longValue(), ints(args[2]), longs(args[3]));
        };
        Unpickler.registerConstructor("torch._utils", "_rebuild_tensor_v2", rebuild);
        Unpickler.registerConstructor("collections", "OrderedDict", args -> new LinkedHashMap<Object, Object>());
        for (String type : List.of("FloatStorage", "DoubleStorage", "HalfStorage", "BFloat16Storage", "LongStorage",
                "IntStorage", "ShortStorage", "CharStorage", "ByteStorage", "BoolStorage")) {
            Unpickler.registerConstructor("torch", type, new StorageType(type));
        }
    }

    private static int[] ints(Object tuple) {
        Object[] t = (Object[]) tuple;
        int[] out = new int[t.length];
        for (int i = 0; i < t.length; i++) {
            out[i] = ((Number) t[i]).intValue();
        }
        return out;
    }

    private static long[] longs(Object tuple) {
        Object[] t = (Object[]) tuple;
        long[] out = new long[t.length];
        for (int i = 0; i < t.length; i++) {
            out[i] = ((Number) t[i]).longValue();
        }
        return out;
    }

    /** For messages: each tensor's name and shape. */
    public static String describe(Map<String, Tensor> dict) {
        StringBuilder sb = new StringBuilder();
        dict.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append(' ').append(v));
        return sb.toString();
    }

    static List<String> names(Map<String, Tensor> dict) {
        return List.copyOf(dict.keySet());
    }
}
