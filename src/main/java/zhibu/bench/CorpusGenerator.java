package zhibu.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import zhibu.core.BranchType;
import zhibu.core.Case;
import zhibu.core.ChineseNumbers;
import zhibu.core.Clause;
import zhibu.core.DocumentKind;
import zhibu.core.DocumentMetadata;
import zhibu.core.Regions;
import zhibu.core.Sentence;
import zhibu.core.Sentences;
import zhibu.ingest.DocumentFiles;
import zhibu.ingest.DocumentReader;
import zhibu.ingest.IngestException;
import zhibu.ingest.IngestedDocument;
import zhibu.ingest.Manifest;
import zhibu.structure.DocumentStructure;
import zhibu.structure.StructureParser;

/**
 * Grows a corpus to {@code scale} times its size, deterministically from a seed: the real documents are copied as
 * they are, and new ones are written until the text is {@code scale} times as long. A new document is a local
 * body's own: an issuer, a place (never one of the real documents' places, so a question naming a real place still
 * finds the real document), a branch type, a date and a document number of its own, and chapters recombined from
 * the real clauses of two or three documents (some chapters and clauses left out, the rest renumbered), each
 * clause worded as its source, with the source's places replaced by the new one, as local rules copy the rules
 * above them. Experience compilations retell five to twelve real cases the same way. So the text stays real
 * Chinese, its vocabulary and lengths are the corpus's, and no two documents are copies. (An earlier version also
 * dropped and borrowed sentences within clauses; that made clauses no document has, each gathering the words of
 * two, which outranked the real ones for reasons no real corpus has.)
 */
public final class CorpusGenerator {
    /** What was written: documents (real and new), their text in characters, and the folder. */
    public record Result(Path folder, int documents, long characters, long bytes) {
    }

    private static final String[] VERBS = {"推进", "加强", "深化", "全面推进", "持续推进", "扎实推进"};
    private static final String[] FORMS = {"实施意见", "实施方案", "工作指引", "若干措施", "实施细则", "工作规范", "指导意见"};
    private static final String[] STATUSES = {"现行有效", "现行有效", "现行有效", "现行有效", "已修订", "已废止"};

    /** Shorter clauses are mostly headings the parser kept as clauses: not worth recombining. */
    private static final int MIN_CLAUSE_CHARS = 16;

    private final List<Source> policies = new ArrayList<>();
    private final List<Case> cases = new ArrayList<>();
    private final List<String> realPlaces = new ArrayList<>();
    private final List<Place> places = new ArrayList<>();
    private final Path realCorpus;
    /** The real corpus's document files, in path order. */
    private final List<Path> realFiles = new ArrayList<>();

    private record Source(String region, List<Clause> clauses) {
    }

    /** A province, and a city in it or null for a province-wide document. */
    private record Place(String province, String city) {
        String region() {
            return city == null ? province : province + city;
        }

        String shortProvince() {
            return province.replaceAll("(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区)$", "");
        }

        String local() {
            return city == null ? province : city;
        }

        String levelWord() {
            return city == null ? (province.endsWith("市") ? "全市" : "全省") : "全市";
        }
    }

    /** Reads the real corpus once: its clauses by document, its cases, and the places it speaks for. */
    public CorpusGenerator(Path realCorpus) throws IOException {
        this.realCorpus = realCorpus;
        StructureParser structure = new StructureParser();
        for (DocumentFiles.Found found : DocumentFiles.under(realCorpus)) {
            if (!found.isSkipped()) {
                realFiles.add(found.file());
            }
        }
        realFiles.sort(Comparator.naturalOrder());
        DocumentReader reader = new DocumentReader();
        for (Path file : realFiles) {
            IngestedDocument doc;
            try {
                doc = reader.read(file, file.getFileName().toString());
            } catch (IngestException e) {
                throw new IOException(e.reason().english(), e);
            }
            DocumentStructure parsed = structure.parse(doc);
            String region = doc.metadata().region() == null ? "" : doc.metadata().region();
            if (!region.isBlank() && !region.equals(Regions.NATIONAL)) {
                realPlaces.addAll(Regions.get().namesOf(region));
            }
            if (doc.metadata().kind() == DocumentKind.EXPERIENCE) {
                cases.addAll(parsed.cases());
            } else if (parsed.clauses().size() >= 3) {
                policies.add(new Source(region, parsed.clauses()));
            }
        }
        realPlaces.sort(Comparator.comparingInt(String::length).reversed()); // 湖南省 replaced before 湖南
        Regions regions = Regions.get();
        regions.cityToProvince().forEach((city, province) -> {
            if (!realPlaces.contains(city) && !realPlaces.contains(province)) {
                places.add(new Place(province, city));
            }
        });
        regions.provinces().forEach(province -> {
            if (!realPlaces.contains(province)) {
                places.add(new Place(province, null));
            }
        });
        if (policies.isEmpty() || places.isEmpty()) {
            throw new IOException(realCorpus + " has no document with clauses to recombine");
        }
    }

    /**
     * Writes the real corpus and new documents into {@code out} (which must not exist or be empty) until the text
     * is {@code scale} times the real one's, with one MANIFEST.tsv listing every document.
     */
    public Result generate(int scale, long seed, Path out) throws IOException {
        if (Files.exists(out)) {
            try (Stream<Path> entries = Files.list(out)) {
                if (entries.findAny().isPresent()) {
                    throw new IOException(out + " is not empty: the generator writes into a new folder");
                }
            }
        }
        Files.createDirectories(out);
        StringBuilder manifest = new StringBuilder(String.join("\t", "path", "kind", "title", "issuer", "doc_number",
                "date", "status", "region", "applies_to", "source")).append('\n');
        List<Path> real = copyReal(out, manifest);
        long realBytes = 0;
        long characters = 0;
        for (Path file : real) {
            realBytes += Files.size(file);
            characters += Files.readString(file).length();
        }
        long bytes = realBytes;
        int documents = real.size();
        long wanted = realBytes * scale;
        SplittableRandom random = new SplittableRandom(seed);
        int n = 0;
        while (bytes < wanted) {
            Generated doc = random.nextInt(10) < 3 && !cases.isEmpty() ? compilation(random, n) : policy(random, n);
            String folder = String.format("generated/%03d", n / 500);
            Path file = out.resolve(folder).resolve(String.format("g%06d.txt", n));
            Files.createDirectories(file.getParent());
            byte[] text = doc.text().getBytes(StandardCharsets.UTF_8);
            Files.write(file, text);
            manifest.append(String.join("\t", folder + "/" + file.getFileName(), doc.kind(), doc.title(),
                    doc.issuer(), doc.number(), doc.date(), doc.status(), doc.region(), doc.appliesTo(),
                    "generated by zhibu bench, seed " + seed)).append('\n');
            bytes += text.length;
            characters += doc.text().length();
            documents++;
            n++;
        }
        Files.writeString(out.resolve(Manifest.FILE_NAME), manifest);
        return new Result(out, documents, characters, bytes);
    }

    private record Generated(String kind, String title, String issuer, String number, String date, String status,
                             String region, String appliesTo, String text) {
    }

    /** A local body's rules: chapters of clauses recombined from two or three real documents. */
    private Generated policy(SplittableRandom random, int n) {
        Place place = places.get(random.nextInt(places.size()));
        BranchType type = BranchType.values()[random.nextInt(BranchType.values().length)];
        boolean general = random.nextInt(3) == 0;
        int year = 2012 + random.nextInt(15);
        String issuer = issuer(place, general ? null : type, random);
        String title = "关于" + pick(VERBS, random) + place.levelWord() + (general ? "" : type.label())
                + "党支部标准化规范化建设的" + pick(FORMS, random);
        String number = place.shortProvince().charAt(0) + (place.city() == null ? "" : place.city().substring(0, 1))
                + "组发〔" + year + "〕" + (1 + random.nextInt(60)) + "号";
        String date = String.format("%d-%02d-%02d", year, 1 + random.nextInt(12), 1 + random.nextInt(28));

        List<Source> sources = new ArrayList<>();
        int count = Math.min(policies.size(), 2 + random.nextInt(2));
        while (sources.size() < count) {
            Source s = policies.get(random.nextInt(policies.size()));
            if (!sources.contains(s)) {
                sources.add(s);
            }
        }
        // the chapters of the sources by their first heading, in the sources' order
        Map<String, List<Clause>> chapters = new LinkedHashMap<>();
        for (Source s : sources) {
            for (Clause c : s.clauses()) {
                String heading = c.path().isEmpty() ? "总则" : stripNumbering(c.path().get(0));
                chapters.computeIfAbsent(heading, h -> new ArrayList<>()).add(c);
            }
        }
        StringBuilder text = new StringBuilder(title).append("\n\n").append(issuer).append("\n\n")
                .append(number).append("\n\n");
        text.append("为深入贯彻落实党中央关于加强基层党组织建设的决策部署，推进").append(place.levelWord())
                .append(general ? "" : type.label()).append("党支部标准化规范化建设，结合").append(place.local())
                .append("实际，制定本").append(title.substring(title.length() - 2)).append("。\n\n");
        int chapter = 1;
        int article = 1;
        int targetChars = 4_000 + random.nextInt(40_000);
        List<String> headings = new ArrayList<>(chapters.keySet());
        for (String heading : headings) {
            if (text.length() > targetChars && chapter > 2) {
                break;
            }
            List<Clause> clauses = chapters.get(heading);
            if (chapter > 1 && random.nextInt(4) == 0) {
                continue; // a chapter left out
            }
            text.append("第").append(ChineseNumbers.format(chapter++)).append("章　").append(heading).append("\n\n");
            for (Clause c : clauses) {
                if (random.nextInt(5) == 0 || c.text().length() < MIN_CLAUSE_CHARS) {
                    continue; // a clause left out, or a bare heading
                }
                String body = localize(c.text(), place);
                if (!body.isBlank()) {
                    text.append("第").append(ChineseNumbers.format(article++)).append("条　").append(body)
                            .append("\n\n");
                }
            }
        }
        text.append("第").append(ChineseNumbers.format(article)).append("条　本").append(title.substring(title.length() - 2))
                .append("由").append(issuer).append("负责解释，自印发之日起施行。\n");
        return new Generated(DocumentKind.POLICY.code(), title, issuer, number, date, pick(STATUSES, random), place.region(),
                general ? "各领域" : type.label(), text.toString());
    }

    /** An experience compilation: five to twelve cases retold by units of the new place. */
    private Generated compilation(SplittableRandom random, int n) {
        Place place = places.get(random.nextInt(places.size()));
        int year = 2015 + random.nextInt(12);
        String title = place.local() + "党支部标准化规范化建设经验交流材料（" + year + "年第" + (1 + random.nextInt(4)) + "辑）";
        String issuer = "中共" + place.local() + "委组织部";
        StringBuilder text = new StringBuilder("# ").append(title).append("\n\n");
        int count = 5 + random.nextInt(8);
        for (int i = 0; i < count; i++) {
            Case c = cases.get(random.nextInt(cases.size()));
            text.append("# ").append(localize(c.title(), place)).append("\n\n");
            for (String paragraph : localize(c.text(), place).split("\n+")) {
                if (!paragraph.isBlank()) {
                    text.append(paragraph.strip()).append("\n\n");
                }
            }
        }
        return new Generated(DocumentKind.EXPERIENCE.code(), title, issuer, "", String.valueOf(year), DocumentMetadata.CURRENT,
                place.region(), "各领域", text.toString());
    }

    /** The real places named in a text become the new place (placeholders such as "XX县" stay as the source has them). */
    private String localize(String text, Place place) {
        String out = text;
        for (String real : realPlaces) {
            if (out.contains(real)) {
                String replacement = real.endsWith("省") || real.endsWith("市") ? place.local()
                        : place.local().replaceAll("(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区)$", "");
                out = out.replace(real, replacement);
            }
        }
        return out;
    }

    private static String issuer(Place place, BranchType type, SplittableRandom random) {
        String local = place.local();
        if (type == null) {
            return "中共" + local + "委组织部";
        }
        return switch (type) {
            case 机关 -> "中共" + local + "委" + (place.city() == null ? "省" : "市") + "直机关工作委员会";
            case 高校, 中小学 -> "中共" + local + "委教育工作委员会";
            case 国有企业 -> "中共" + local + "人民政府国有资产监督管理委员会委员会";
            case 非公企业, 社会组织 -> "中共" + local + "委两新组织工作委员会";
            case 农村, 社区 -> random.nextBoolean() ? "中共" + local + "委组织部" : "中共" + local + "委城乡基层党建工作领导小组";
        };
    }

    private static String stripNumbering(String heading) {
        return heading.replaceFirst("^(第[一二三四五六七八九十百零〇]+[章节]|[一二三四五六七八九十]+[、．.]|（[一二三四五六七八九十]+）)\\s*", "")
                .strip();
    }

    /** Copies the real documents and their manifest rows; the copies. */
    private List<Path> copyReal(Path out, StringBuilder manifest) throws IOException {
        List<Path> copies = new ArrayList<>();
        for (Path file : realFiles) {
            Path relative = realCorpus.relativize(file);
            Path target = out.resolve(relative.toString());
            Files.createDirectories(target.getParent());
            Files.copy(file, target);
            copies.add(target);
        }
        Path realManifest = realCorpus.resolve(Manifest.FILE_NAME);
        if (Files.isRegularFile(realManifest)) {
            List<String> lines = Files.readAllLines(realManifest, StandardCharsets.UTF_8);
            lines.stream().skip(1).filter(l -> !l.isBlank()).forEach(l -> manifest.append(l).append('\n'));
        }
        return copies;
    }

    private static String pick(String[] values, SplittableRandom random) {
        return values[random.nextInt(values.length)];
    }
}
