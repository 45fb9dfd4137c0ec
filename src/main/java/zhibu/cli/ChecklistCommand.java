package zhibu.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import zhibu.checklist.CalendarPlan;
import zhibu.checklist.ChecklistFormat;
import zhibu.checklist.ChecklistService;
import zhibu.checklist.Profile;
import zhibu.core.BranchType;
import zhibu.index.ZhibuIndex;
import zhibu.library.Library;

/**
 * {@code zhibu checklist --type TYPE --members N [--region 湖南省] [--format text|json|docx|xlsx|ics|html] [-o FILE]
 * [--campus 教职工|学生] [--groups|--no-groups] [--no-leaders] [--year 2027] [--party-day 10] [--committee-day 5]
 * [--group-day 20]}: the last four plan the calendar (ics).
 */
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
            ZhibuIndex fresh = Home.openWriter(folder, vectors, zhibu.index.Ingestion.forked(Home.edits(data))
                    .withRoots(Home.roots(data)), err);
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
        Args args = Args.parse(normalized, Set.of("type", "members", "format", "output", "index", "campus", "region",
                "year", "party-day", "committee-day", "group-day", Home.DATA),
                Set.of("groups", "no-groups", "no-leaders", Home.NO_VECTORS));
        String type = args.value("type", null);
        if (type == null || BranchType.fromLabel(type).isEmpty()) {
            throw new Args.UsageException("--type must be one of " + String.join("、",
                    BranchType.labels(BranchType.all())));
        }
        if (args.value("members", null) == null) {
            throw new Args.UsageException("--members must give the number of full members, e.g. --members 30");
        }
        int members = args.intValue("members", 0, 1, ChecklistService.MAX_MEMBERS);
        String regionGiven = args.value("region", null);
        String region = regionGiven == null ? null : Profile.place(regionGiven).orElseThrow(() ->
                new Args.UsageException("--region must name a province, city or county (湖南省, 长沙市, 浏阳市); no "
                        + "single place is called '" + regionGiven + "' (give the one above it too: 南京市鼓楼区)"));
        String formatLabel = args.value("format", "text");
        ChecklistFormat format = ChecklistFormat.of(formatLabel).orElseThrow(() -> new Args.UsageException(
                "--format must be text, json, docx, xlsx, ics or html, not '" + formatLabel + "'"));
        CalendarPlan usual = CalendarPlan.defaults(java.time.LocalDate.now());
        CalendarPlan plan = new CalendarPlan(
                args.intValue("year", usual.year(), CalendarPlan.FIRST_YEAR, CalendarPlan.LAST_YEAR),
                args.intValue("party-day", usual.partyDay(), 1, CalendarPlan.LAST_DAY),
                args.intValue("committee-day", usual.committeeDay(), 1, CalendarPlan.LAST_DAY),
                args.intValue("group-day", usual.groupDay(), 1, CalendarPlan.LAST_DAY));
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
            boolean groups = args.flag("groups") || !args.flag("no-groups") && Profile.groupsBySize(members);
            Profile profile = new Profile(type, members, groups, !args.flag("no-leaders"), campus, region);
            byte[] rendered = format.render(new ChecklistService(new Library(index)).checklist(profile), plan);
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
