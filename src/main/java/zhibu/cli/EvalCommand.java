package zhibu.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import zhibu.eval.Evaluator;
import zhibu.eval.Metrics;
import zhibu.eval.Run;
import zhibu.search.Fusion;

/**
 * {@code zhibu eval FILE... [--analyzer RUN,...] [--k 10] [--cv 5] [--tune [--write]] [--calibrate [--write]]
 * [--details] [--floors] [--corpus corpus] [--data data] [--no-vectors]}: each run's metrics on each query set, side by
 * side; with {@code --cv}, the tuned runs cross-validated; with {@code --tune}, the weights chosen on all the sets
 * given (with {@code --write}, written to src/main/resources/zhibu/fusion.tsv); with {@code --calibrate}, the
 * coverage model fitted (written to coverage.tsv); with {@code --floors}, the metrics as lines of
 * eval/expected-metrics.tsv.
 */
public final class EvalCommand {
    static final Path FUSION_FILE = Path.of("src/main/resources/zhibu/fusion.tsv");

    public int run(List<String> argv, PrintStream out, PrintStream err) throws Exception {
        Args args = Args.parse(argv, Set.of("analyzer", "run", "k", "corpus", "cv", "index", "gold", "profiles",
                Home.DATA),
                Set.of("details", "tune", "write", "calibrate", "floors", "checklists", Home.NO_VECTORS));
        if (args.flag("checklists")) {
            return checklists(args, out, err);
        }
        if (args.positional().isEmpty()) {
            throw new Args.UsageException("give one or more query sets, e.g. zhibu eval eval/dev-queries.tsv "
                    + "eval/dev-queries-2.tsv ../shared/eval/exam-dev.jsonl");
        }
        List<Run> runs = new ArrayList<>();
        List<String> chosen = new ArrayList<>(args.values("analyzer"));
        chosen.addAll(args.values("run"));
        for (String value : chosen) {
            for (String label : value.split(",")) {
                try {
                    runs.add(Run.fromLabel(label));
                } catch (IllegalArgumentException e) {
                    throw new Args.UsageException(e.getMessage());
                }
            }
        }
        if (runs.isEmpty()) {
            runs = Run.all();
        }
        int k = args.intValue("k", 10, 3, 100);
        int folds = args.intValue("cv", 0, 0, 20);
        if (folds == 1) {
            throw new Args.UsageException("--cv needs at least 2 folds");
        }
        List<Evaluator.QuerySet> sets = new ArrayList<>();
        for (String file : args.positional()) {
            Path path = Path.of(file);
            if (!Files.isRegularFile(path)) {
                err.println("zhibu eval: the query set " + file + " does not exist.");
                return 1;
            }
            sets.add(Evaluator.QuerySet.read(path));
        }
        Evaluator evaluator = new Evaluator(Home.resolve(args.value("corpus", "corpus")), Home.vectors(args, err));
        if (args.flag("calibrate")) {
            return calibrate(evaluator, args, out, err, Math.max(folds, 5));
        }
        List<Run> measurable = evaluator.measurable(runs);
        if (measurable.size() < runs.size()) {
            err.println("zhibu eval: without vectors, leaving out " + runs.stream().filter(r -> !measurable.contains(r))
                    .map(Run::label).toList());
        }
        Evaluator.Judgements judged = evaluator.judge(sets, measurable);
        List<Metrics> rows = new ArrayList<>(evaluator.measure(judged, measurable, k));
        if (folds > 1) {
            rows.addAll(evaluator.crossValidate(judged, measurable, folds, k));
            rows.sort(java.util.Comparator.comparing(Metrics::set, (a, b) -> Integer.compare(
                    setOrder(sets, a), setOrder(sets, b))));
        }
        if (args.flag("details")) {
            out.print(Evaluator.details(rows));
        }
        out.print(args.flag("floors") ? Evaluator.floors(rows) : Evaluator.table(rows));
        if (!args.flag("floors") && sets.stream().anyMatch(s -> s.queries().stream().anyMatch(q -> !q.answerable()))) {
            out.print("\n" + Evaluator.coverageTable(evaluator.coverage(sets, Math.max(folds, 5)), Math.max(folds, 5),
                    args.flag("details")));
        }
        if (args.flag("tune")) {
            Map<Run, Fusion> tuned = evaluator.tune(judged, measurable, k);
            Map<String, Fusion> byColumn = new LinkedHashMap<>();
            for (String name : Fusion.names()) {
                byColumn.put(name, Fusion.of(name));
            }
            tuned.forEach((run, fusion) -> byColumn.put(run.column(), fusion.named(run.column())));
            String table = Fusion.table(List.copyOf(byColumn.values()), "Fusion weights per run, one column each, read by zhibu.search.Fusion.\n"
                    + "Chosen by: ./zhibu eval --tune --write " + String.join(" ", args.positional()) + "\n"
                    + "(coordinate ascent over a fixed grid, objective MRR@" + k + " + Hit@1/2; check with --cv 5).");
            out.print("\n" + table);
            if (args.flag("write")) {
                Path target = Home.resolve(FUSION_FILE.toString());
                Files.writeString(target, table);
                err.println("wrote " + target + " (rebuild to use it)");
            }
        }
        return 0;
    }

    /**
     * {@code --checklists [--gold eval/checklist-gold] [--profiles FILE] [--details] [--floors]}: each gold profile's
     * checklist (or each of another profiles file's, e.g. profiles-unseen.tsv) against the hand-written gold, with
     * every error named under {@code --details}.
     */
    private static int checklists(Args args, PrintStream out, PrintStream err) throws Exception {
        Path gold = Home.resolve(args.value("gold", zhibu.eval.ChecklistGold.FOLDER.toString()));
        if (!Files.isRegularFile(gold.resolve("duties.tsv"))) {
            err.println("zhibu eval: no checklist gold at " + gold + " (duties.tsv and profiles.tsv)");
            return 1;
        }
        zhibu.index.ZhibuIndex opened = ChecklistCommand.openIndex(args, err);
        if (opened == null) {
            return 1;
        }
        try (zhibu.index.ZhibuIndex index = opened) {
            zhibu.library.Library library = new zhibu.library.Library(index);
            zhibu.checklist.ChecklistService service = new zhibu.checklist.ChecklistService(library);
            Path profiles = args.value("profiles", null) == null ? gold.resolve(zhibu.eval.ChecklistGold.PROFILES)
                    : Home.resolve(args.value("profiles", null));
            if (!Files.isRegularFile(profiles)) {
                err.println("zhibu eval: --profiles " + profiles + " is no file");
                return 1;
            }
            List<zhibu.eval.ChecklistGold.Result> results = zhibu.eval.ChecklistGold.read(gold, profiles)
                    .measure(library, service::checklist);
            if (args.flag("details")) {
                for (zhibu.eval.ChecklistGold.Result r : results) {
                    out.println("== " + r.profile());
                    r.details().forEach(line -> out.println("  " + line));
                }
                out.println();
            }
            out.print(args.flag("floors") ? zhibu.eval.ChecklistGold.floors(results)
                    : zhibu.eval.ChecklistGold.table(results));
            return 0;
        }
    }

    /** {@code --calibrate}: fits the coverage model, prints how well it tells the two classes apart, may write it. */
    private static int calibrate(Evaluator evaluator, Args args, PrintStream out, PrintStream err, int folds)
            throws Exception {
        List<Path> files = args.positional().stream().map(Path::of).toList();
        List<zhibu.eval.CoverageCalibration.Fit> fits = evaluator.calibrate(files, folds);
        if (fits.size() < 2) {
            err.println("zhibu eval: --calibrate needs vectors for the hybrid model");
            return 1;
        }
        String[] names = {"hybrid", "lexical"};
        out.printf("%-8s %9s %9s %10s %10s   (%d covered, %d not)%n", "model", "covered", "not", "covered/cv",
                "not/cv", fits.get(0).covered(), fits.get(0).uncovered());
        for (int i = 0; i < fits.size(); i++) {
            var f = fits.get(i);
            out.printf("%-8s %9.3f %9.3f %10.3f %10.3f%n", names[i], f.coveredRight(), f.uncoveredRight(),
                    f.cvCoveredRight(), f.cvUncoveredRight());
        }
        String table = zhibu.search.Coverage.table(fits.get(0).model(), fits.get(1).model(),
                "Coverage model: logistic regression coefficients, one column per search mode, read by zhibu.search.Coverage.\n"
                + "Fitted by: ./zhibu eval --calibrate --write " + String.join(" ", args.positional()));
        out.print("\n" + table);
        if (args.flag("write")) {
            Path target = Home.resolve("src/main/resources/zhibu/coverage.tsv");
            Files.writeString(target, table);
            err.println("wrote " + target + " (rebuild to use it)");
        }
        return 0;
    }

    private static int setOrder(List<Evaluator.QuerySet> sets, String name) {
        for (int i = 0; i < sets.size(); i++) {
            if (sets.get(i).name().equals(name)) {
                return i;
            }
        }
        return sets.size();
    }
}
