package zhibu.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import zhibu.search.Feature;
import zhibu.search.Fusion;

/**
 * Chooses a run's fusion weights by coordinate ascent (as Anserini's and RankLib's linear rankers do): starting from
 * every view it may use at weight 1 and every other feature at 0, each weight in turn takes the value of a fixed
 * grid that best serves the questions given, until a pass changes nothing. The objective is MRR@k plus half of
 * Hit@1 and half of Hit@3 (the first hit is what a secretary reads; the first three are what she sees without
 * scrolling). Ties keep the earlier, smaller choice.
 */
final class FusionTuner {
    static final double[] GRID = {0, 0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1, 1.5, 2, 3};
    static final int PASSES = 6;
    /** Folds are cut from the questions in a fixed shuffled order, so cross-validation is repeatable. */
    static final long SEED = 20261123L;

    private FusionTuner() {
    }

    static Fusion tune(Run run, List<Evaluator.Judged> questions, int k) {
        double[] w = new double[Feature.values().length];
        for (Feature f : run.tunable()) {
            w[f.ordinal()] = f.view() ? 1 : 0;
        }
        double best = objective(new Fusion(run.label(), w), questions, k);
        for (int pass = 0; pass < PASSES; pass++) {
            boolean improved = false;
            for (Feature f : run.tunable()) {
                int i = f.ordinal();
                for (double g : GRID) {
                    double old = w[i];
                    if (g == old) {
                        continue;
                    }
                    w[i] = g;
                    double o = objective(new Fusion(run.label(), w), questions, k);
                    if (o > best + 1e-9) {
                        best = o;
                        improved = true;
                    } else {
                        w[i] = old;
                    }
                }
            }
            if (!improved) {
                break;
            }
        }
        return new Fusion(run.label(), w);
    }

    static double objective(Fusion fusion, List<Evaluator.Judged> questions, int k) {
        double sum = 0;
        for (Evaluator.Judged q : questions) {
            int rank = q.rank(fusion, k);
            sum += (rank > 0 ? 1.0 / rank : 0) + (rank == 1 ? 0.5 : 0) + (rank > 0 && rank <= 3 ? 0.5 : 0);
        }
        return questions.isEmpty() ? 0 : sum / questions.size();
    }

    /** The questions in n folds, each set spread evenly over them. */
    static List<List<Evaluator.Judged>> folds(List<Evaluator.Judged> questions, int n) {
        return folds(questions, n, 0);
    }

    /** The questions in n folds cut from the {@code repeat}-th shuffled order (repeated cross-validation). */
    static List<List<Evaluator.Judged>> folds(List<Evaluator.Judged> questions, int n, int repeat) {
        List<Evaluator.Judged> shuffled = new ArrayList<>(questions);
        shuffled.sort(Comparator.comparing((Evaluator.Judged q) -> q.set().name()).thenComparing(q -> q.query().id()));
        java.util.Collections.shuffle(shuffled, new Random(SEED + repeat));
        shuffled.sort(Comparator.comparing((Evaluator.Judged q) -> q.set().name())); // stable: sets stay shuffled
        List<List<Evaluator.Judged>> folds = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            folds.add(new ArrayList<>());
        }
        for (int i = 0; i < shuffled.size(); i++) {
            folds.get(i % n).add(shuffled.get(i));
        }
        return folds;
    }
}
