package zhibu.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import zhibu.bench.CorpusGenerator;

/**
 * {@code zhibu generate --scale N --out DIR [--seed 1] [--corpus corpus]}: writes the corpus grown to N times its
 * text into a new folder ({@link CorpusGenerator}), the same files for the same seed.
 */
public final class GenerateCommand {
    public int run(List<String> argv, PrintStream out, PrintStream err) throws Exception {
        Args args = Args.parse(argv, Set.of("scale", "out", "seed", "corpus"), Set.of());
        int scale = args.intValue("scale", 10, 1, 100_000);
        long seed = args.intValue("seed", 1, 0, Integer.MAX_VALUE);
        Path corpus = Home.resolve(args.value("corpus", "corpus"));
        String folder = args.value("out", null);
        if (folder == null) {
            throw new Args.UsageException("--out names the new folder to write the corpus into");
        }
        long started = System.nanoTime();
        CorpusGenerator.Result r = new CorpusGenerator(corpus).generate(scale, seed, Home.resolve(folder));
        out.printf("wrote %d documents, %,d characters (%.1f MB) into %s in %.1f s%n", r.documents(), r.characters(),
                r.bytes() / 1e6, r.folder(), (System.nanoTime() - started) / 1e9);
        return 0;
    }
}
