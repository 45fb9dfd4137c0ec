package zhibu.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import zhibu.checklist.ChecklistFormat;
import zhibu.checklist.ChecklistService;
import zhibu.checklist.Profile;
import zhibu.core.BranchType;
import zhibu.index.ZhibuIndex;
import zhibu.library.Library;

/** {@code zhibu checklist --type TYPE --members N [--format text|json|docx|xlsx|ics|html] [-o FILE] [--campus 教职工|学生] [--no-groups] [--no-leaders]}. */
public final class ChecklistCommand {
    /**
     * The index a command reads checklists from ({@code --index}, default index/), made from the corpus first when
     * there is none and no server holds one; null after one sentence on {@code err} when it cannot be opened.
     */
    static ZhibuIndex openIndex(Args args, PrintStream err) throws java.io.IOException {
        Path folder = Home.resolve(args.value("index", "index")).toAbsolutePath().normalize();
        Path data = Home.resolve(args.value(Home.DATA, "data"));
        zhibu.vectors.Vectors vectors = Home.vectors(args, err);
        if (!org.apache.lucene.index.DirectoryReader.indexExists(org.apache.lucene.store.FSDirectory.open(folder))
                && zhibu.admin.ServerFile.running(data, folder).isEmpty()) {
            // no index yet, and nobody else's: make it from the corpus, then read it like any other
            ZhibuIndex fresh = Home.openWriter(folder, vectors, zhibu.index.Ingestion.forked(Home.edits(data)), err);
            if (fresh == null) {
                return null;
            }
            try (fresh) {
                fresh.ingest(List.of(Home.resolve("corpus")));
            }
        }
        return Home.openReader(folder, vectors, err);
    }

    public int run(List<String> argv, PrintStream out, PrintStream err) throws Exception {
        List<String> normalized = argv.stream().map(a -> a.equals("-o") ? "--output" : a).toList();
        Args args = Args.parse(normalized, Set.of("type", "members", "format", "output", "index", "campus", Home.DATA),
                Set.of("no-groups", "no-leaders", Home.NO_VECTORS));
        String type = args.value("type", null);
        if (type == null || BranchType.fromLabel(type).isEmpty()) {
            throw new Args.UsageException("--type must be one of " + String.join("、",
                    BranchType.labels(BranchType.all())));
        }
        if (args.value("members", null) == null) {
            throw new Args.UsageException("--members must give the number of full members, e.g. --members 30");
        }
        int members = args.intValue("members", 0, 1, ChecklistService.MAX_MEMBERS);
        String formatLabel = args.value("format", "text");
        ChecklistFormat format = ChecklistFormat.of(formatLabel).orElseThrow(() -> new Args.UsageException(
                "--format must be text, json, docx, xlsx, ics or html, not '" + formatLabel + "'"));
        String output = args.value("output", null);
        if (format.binary() && output == null) {
            throw new Args.UsageException("--format " + formatLabel + " writes a file: give -o FILE");
        }
        ZhibuIndex opened = openIndex(args, err);
        if (opened == null) {
            return 1;
        }
        try (ZhibuIndex index = opened) {
            String campus = args.value("campus", null);
            if (campus != null && !Profile.CAMPUS_ROLES.contains(campus)) {
                throw new Args.UsageException("--campus must be 教职工 or 学生");
            }
            Profile profile = new Profile(type, members, !args.flag("no-groups"), !args.flag("no-leaders"), campus);
            byte[] rendered = format.render(new ChecklistService(new Library(index)).checklist(profile));
            if (output == null) {
                out.write(rendered);
                out.flush();
            } else {
                Files.write(Path.of(output), rendered);
                err.println("wrote " + output);
            }
            return 0;
        }
    }
}
