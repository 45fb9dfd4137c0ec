package zhibu.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One {@link Problem} of one file: the file's printable name first, then what the sentence needs. */
public record Reason(Problem problem, List<String> args) {
    public Reason {
        args = List.copyOf(args);
    }

    /** The problem of the file named {@code name} (made printable). */
    public static Reason of(Problem problem, String name, Object... details) {
        List<String> args = new ArrayList<>();
        args.add(Names.printable(name));
        for (Object d : details) {
            args.add(String.valueOf(d));
        }
        return new Reason(problem, args);
    }

    public static Reason of(Problem problem, Path file, Object... details) {
        return of(problem, file.getFileName() == null ? file.toString() : file.getFileName().toString(), details);
    }

    public String english() {
        return problem.english(args);
    }

    public String chinese() {
        return problem.chinese(args);
    }

    @Override
    public String toString() {
        return english();
    }
}
