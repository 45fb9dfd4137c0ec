package zhibu.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import zhibu.checklist.Checklist;
import zhibu.checklist.ChecklistItem;
import zhibu.checklist.Duty;
import zhibu.checklist.Profile;
import zhibu.core.Clause;
import zhibu.core.DocumentMetadata;
import zhibu.library.Library;

/**
 * Checklists measured against the hand-written gold of eval/checklist-gold: for each profile, how many of its items
 * are gold items (precision), how many gold items it has (recall), and the errors a department would have to edit
 * out by hand — an item whose holder is wrong, a duty listed twice, a fragment, an item citing a document that does
 * not bind the branch's region, an option marked as a duty or the other way round.
 *
 * <p>A checklist item is a gold item when one of its sources is the clause of one of the gold item's rows and the
 * sentence it cites holds the row's quote; of several such gold items, the one with the item's holder and not yet
 * matched is taken. Which gold items a profile has follows the gold's own rules (README.md): a row applies when its
 * types include the profile's, its conditions hold and its document is national or of the profile's place — a
 * rule written here, apart from the product's, so that a mistake in one shows against the other.
 */
public final class ChecklistGold {
    public static final Path FOLDER = Path.of("eval/checklist-gold");
    /** An item that reads on only after another sentence, or whose subject is left out. */
    public static final Pattern FRAGMENT = Pattern.compile("^(特别是|其中|同时|并且|并|此外|另外|对此|以上|上述|且|而且|但|但是|或者|还)"
            + "|^(一般)?(应当|应|要|须|必须|可以|可|不得|不能|严禁)");

    /** One row of duties.tsv: one place that states a duty. */
    public record Row(String item, Duty holder, boolean optional, List<String> types, Set<String> when, String clause,
                      String quote, String note) {
    }

    /** One row of profiles.tsv. */
    public record GoldProfile(String name, String branchType, int members, String region, boolean groups,
                              boolean leaders) {
        public Profile profile() {
            return new Profile(branchType, members, groups, leaders, null, region);
        }
    }

    /** What one profile's checklist scored, with a line for each error. */
    public record Result(String profile, int produced, int gold, int matched, int wrongHolder, int duplicates,
                         int fragments, int foreign, int wrongFlag, List<String> details) {
        public double precision() {
            return produced == 0 ? 1 : (double) matched / produced;
        }

        public double recall() {
            return gold == 0 ? 1 : (double) (matched) / gold;
        }
    }

    private final List<Row> rows;
    private final List<GoldProfile> profiles;

    private ChecklistGold(List<Row> rows, List<GoldProfile> profiles) {
        this.rows = rows;
        this.profiles = profiles;
    }

    /** The profiles the gold was written for: {@code profiles.tsv}. */
    public static final String PROFILES = "profiles.tsv";
    /** Profiles the gold was not written for, measured with it to see that the extractor holds beyond them. */
    public static final String UNSEEN = "profiles-unseen.tsv";

    public static ChecklistGold read(Path folder) throws IOException {
        return read(folder, folder.resolve(PROFILES));
    }

    /** The gold's duties, measured on the profiles of another file (the same columns as profiles.tsv). */
    public static ChecklistGold read(Path folder, Path profilesFile) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (String[] f : table(folder.resolve("duties.tsv"))) {
            rows.add(new Row(f[0], Duty.ofLabel(f[1]), f[2].equals("yes"), f[3].equals("-") ? List.of()
                    : List.of(f[3].split(",")), f[4].equals("-") ? Set.of() : Set.of(f[4].split(",")), f[5], f[6],
                    f.length > 7 ? f[7] : ""));
        }
        List<GoldProfile> profiles = new ArrayList<>();
        for (String[] f : table(profilesFile)) {
            profiles.add(new GoldProfile(f[0], f[1], Integer.parseInt(f[2]),
                    f[3].isBlank() || f[3].equals("-") ? null : f[3], f[4].equals("yes"),
                    f[5].equals("yes")));
        }
        return new ChecklistGold(rows, profiles);
    }

    public List<GoldProfile> profiles() {
        return profiles;
    }

    /** A checklist for a profile, however it is made (the service in process, the API over HTTP). */
    public interface Checklists {
        Checklist of(Profile profile) throws IOException;
    }

    public List<Result> measure(Library library, Checklists checklists) throws IOException {
        Map<String, Clause> clauses = new HashMap<>();
        Map<String, DocumentMetadata> docs = new HashMap<>();
        for (DocumentMetadata doc : library.documents()) {
            docs.put(doc.id(), doc);
            for (Clause c : library.clausesOf(doc.id())) {
                clauses.put(c.id(), c);
            }
        }
        List<Result> results = new ArrayList<>();
        for (GoldProfile p : profiles) {
            results.add(measure(p, checklists.of(p.profile()), clauses, docs));
        }
        return results;
    }

    private Result measure(GoldProfile p, Checklist checklist, Map<String, Clause> clauses,
                           Map<String, DocumentMetadata> docs) {
        Map<String, List<Row>> applicable = new LinkedHashMap<>();
        for (Row row : rows) {
            Clause c = clauses.get(row.clause());
            if (c != null && applies(row, c, docs.get(c.docId()), p)) {
                applicable.computeIfAbsent(row.item(), k -> new ArrayList<>()).add(row);
            }
        }
        List<String> details = new ArrayList<>();
        Set<String> taken = new LinkedHashSet<>();
        int matched = 0;
        int wrongHolder = 0;
        int duplicates = 0;
        int fragments = 0;
        int foreign = 0;
        int wrongFlag = 0;
        for (ChecklistItem item : checklist.items()) {
            String shown = "“" + item.requirement() + "”［" + item.duty().label() + "］";
            if (FRAGMENT.matcher(item.requirement()).find()) {
                fragments++;
                details.add("fragment  " + shown);
            }
            for (ChecklistItem.Source s : item.sources()) {
                DocumentMetadata doc = clauses.containsKey(s.clauseId()) ? docs.get(clauses.get(s.clauseId()).docId())
                        : null;
                if (doc == null || !binds(doc, p.region())) {
                    foreign++;
                    details.add("foreign   " + shown + " cites 《" + s.docTitle() + "》 (" + (doc == null ? "?"
                            : doc.region()) + ")");
                    break;
                }
            }
            List<String> candidates = candidates(item);
            String chosen = null;
            for (String g : candidates) { // an applicable item not yet matched, with the item's holder first
                if (applicable.containsKey(g) && !taken.contains(g) && holders(applicable.get(g)).contains(item.duty())) {
                    chosen = g;
                    break;
                }
            }
            if (chosen == null) {
                chosen = candidates.stream().filter(g -> applicable.containsKey(g) && !taken.contains(g)).findFirst()
                        .orElse(null);
            }
            if (chosen == null) {
                String again = candidates.stream().filter(applicable::containsKey).findFirst().orElse(null);
                if (again != null) {
                    duplicates++;
                    details.add("duplicate " + shown + " again states " + again);
                } else {
                    details.add("extra     " + shown + (candidates.isEmpty() ? " (no gold item)"
                            : " (gold " + candidates.get(0) + " does not apply to this profile)"));
                }
                continue;
            }
            taken.add(chosen);
            matched++;
            if (!holders(applicable.get(chosen)).contains(item.duty())) {
                wrongHolder++;
                details.add("holder    " + shown + " is " + chosen + "'s, held by "
                        + applicable.get(chosen).get(0).holder().label());
            }
            boolean optional = applicable.get(chosen).stream().allMatch(Row::optional);
            if (optional != item.optional()) {
                wrongFlag++;
                details.add("flag      " + shown + (optional ? " is only an option" : " is required, not optional"));
            }
        }
        for (String g : applicable.keySet()) {
            if (!taken.contains(g)) {
                Row first = applicable.get(g).get(0);
                details.add("missing   " + g + " ［" + first.holder().label() + "］ "
                        + rows.stream().filter(r -> r.item().equals(g) && !r.note().isEmpty()).map(Row::note)
                        .findFirst().orElse(first.quote()));
            }
        }
        return new Result(p.name(), checklist.items().size(), applicable.size(), matched, wrongHolder, duplicates,
                fragments, foreign, wrongFlag, details);
    }

    /** The holders a gold item's rows give: the subject each sentence states (one item may merge 党支部's and 支委会's). */
    private static Set<Duty> holders(List<Row> rows) {
        Set<Duty> holders = java.util.EnumSet.noneOf(Duty.class);
        rows.forEach(r -> holders.add(r.holder()));
        return holders;
    }

    /** The gold items one of whose rows an item's sources cite. */
    private List<String> candidates(ChecklistItem item) {
        List<String> found = new ArrayList<>();
        for (ChecklistItem.Source s : item.sources()) {
            String sentence = fold(s.sentence() == null ? s.text() : s.sentence());
            for (Row row : rows) {
                if (row.clause().equals(s.clauseId()) && sentence.contains(fold(row.quote()))
                        && !found.contains(row.item())) {
                    found.add(row.item());
                }
            }
        }
        return found;
    }

    private static boolean applies(Row row, Clause clause, DocumentMetadata doc, GoldProfile p) {
        List<String> types = row.types().isEmpty() ? clause.branchTypes() : row.types();
        if (!types.contains(p.branchType()) || doc == null || !binds(doc, p.region())) {
            return false;
        }
        for (String w : row.when()) {
            boolean holds = switch (w) {
                case "committee" -> p.members() >= 7;
                case "nocommittee" -> p.members() < 7;
                case "groups" -> p.groups();
                case "leaders" -> p.leaders();
                case "over50" -> p.members() > 50;
                default -> throw new IllegalArgumentException("no condition " + w + " in duties.tsv");
            };
            if (!holds) {
                return false;
            }
        }
        return true;
    }

    /** The gold's own rule: a national document binds every branch, a local one the branches of its place. */
    static boolean binds(DocumentMetadata doc, String region) {
        String place = doc.region() == null ? "" : doc.region().strip();
        return place.equals(zhibu.core.Regions.NATIONAL) || region != null && !place.isEmpty() && region.startsWith(place);
    }

    /** Spaces and Markdown marks aside, counts as digits (一次 → 1次), as the extractor writes them. */
    private static String fold(String s) {
        return zhibu.core.Values.foldCounts(s).replaceAll("[\\s*#]", "");
    }

    private static List<String[]> table(Path file) throws IOException {
        List<String[]> lines = new ArrayList<>();
        boolean header = true;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (header) {
                header = false;
                continue;
            }
            lines.add(line.split("\t", -1));
        }
        return lines;
    }

    /** The results as a table, one profile a line. */
    public static String table(List<Result> results) {
        StringBuilder out = new StringBuilder(String.format("%-12s %5s %5s %9s %7s %7s %5s %5s %7s %5s%n", "profile",
                "items", "gold", "precision", "recall", "holder", "dup", "frag", "foreign", "flag"));
        for (Result r : results) {
            out.append(String.format(Locale.ROOT, "%-12s %5d %5d %9.3f %7.3f %7d %5d %5d %7d %5d%n", r.profile(),
                    r.produced(), r.gold(), r.precision(), r.recall(), r.wrongHolder(), r.duplicates(), r.fragments(),
                    r.foreign(), r.wrongFlag()));
        }
        return out.toString();
    }

    /** Precision and recall as lines of eval/expected-metrics.tsv. */
    public static String floors(List<Result> results) {
        StringBuilder out = new StringBuilder();
        for (Result r : results) {
            out.append(String.format(Locale.ROOT, "checklist-gold\t%s\tprecision\t%.3f%n", r.profile(),
                    Math.floor(r.precision() * 1000 + 1e-6) / 1000));
            out.append(String.format(Locale.ROOT, "checklist-gold\t%s\trecall\t%.3f%n", r.profile(),
                    Math.floor(r.recall() * 1000 + 1e-6) / 1000));
        }
        return out.toString();
    }
}
