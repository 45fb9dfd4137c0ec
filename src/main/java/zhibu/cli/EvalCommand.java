package zhibu.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import zhibu.analysis.AnalyzerChoice;
import zhibu.eval.Evaluator;
import zhibu.eval.QuerySets;

/** {@code zhibu eval FILE [--analyzer hanlp|bigram|smartcn ...] [--k 10] [--corpus corpus] [--details]}. */
public final class EvalCommand {
    public int run(List<String> argv, PrintStream out, PrintStream err) throws Exception {
        Args args = Args.parse(argv, Set.of("analyzer", "k", "corpus"), Set.of("details"));
        if (args.positional().size() != 1) {
            throw new Args.UsageException("give one query set, e.g. zhibu eval ../shared/eval/dev-queries.tsv");
        }
        List<AnalyzerChoice> analyzers = new ArrayList<>();
        for (String value : args.values("analyzer")) {
            for (String label : value.split(",")) {
                try {
                    analyzers.add(AnalyzerChoice.fromLabel(label));
                } catch (IllegalArgumentException e) {
                    throw new Args.UsageException(e.getMessage());
                }
            }
        }
        if (analyzers.isEmpty()) {
            analyzers = List.of(AnalyzerChoice.values());
        }
        int k = args.intValue("k", 10, 3, 100);
        Path file = Path.of(args.positional().get(0));
        var queries = QuerySets.read(file);
        var rows = new Evaluator(Home.resolve(args.value("corpus", "corpus"))).run(queries, QuerySets.isExam(file),
                analyzers, k);
        if (args.flag("details")) {
            out.print(Evaluator.details(rows));
        }
        out.print(Evaluator.table(rows));
        return 0;
    }
}
