package zhibu.core;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * China's administrative divisions — provinces, prefecture-level cities, county-level divisions (divisions.tsv, the
 * National Bureau of Statistics' codes) — to tell where a document binds from its issuer and where a branch is from
 * the place a user names, at any of the three levels and in full or (provinces and cities) short: 湖南省长沙市浏阳市,
 * 浏阳市, 西安, 陕西西安.
 */
public final class Divisions {
    /** Suffixes a province or city is also named without: 湖南省 → 湖南, 西安市 → 西安, 广西壮族自治区 → 广西. */
    private static final Pattern SUFFIX = Pattern.compile("(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区|地区|盟)$");
    private static final Pattern CENTRAL = Pattern.compile("中共中央|中央|国务院|全国|中组部|中国共产党全国代表大会");
    /** What may follow a county in a place's name: a unit below it, which binds no rules of its own here. */
    private static final Pattern BELOW_COUNTY = Pattern.compile("(街道|办事处|乡|镇|村|社区)$");
    private static final Divisions INSTANCE = load();

    /** One division: its code, its name, the division it belongs to (null for a province). */
    public record Division(String code, String name, Division parent) {
        public Jurisdiction jurisdiction() {
            List<String> places = new ArrayList<>();
            for (Division d = this; d != null; d = d.parent) {
                places.addFirst(d.name);
            }
            return new Jurisdiction(places);
        }

        int depth() {
            return parent == null ? 1 : parent.depth() + 1;
        }
    }

    private final List<Division> provinces;
    private final Map<String, List<Division>> children;
    /** Every division by its full name (several share one: 鼓楼区), and provinces and cities by their short names. */
    private final Map<String, List<Division>> byName;
    private final List<String> namesLongestFirst;
    private final Map<String, Division> codes = new HashMap<>();

    private Divisions(List<Division> all) {
        all.forEach(d -> codes.put(d.code(), d));
        this.provinces = all.stream().filter(d -> d.parent() == null).toList();
        this.children = new HashMap<>();
        this.byName = new HashMap<>();
        for (Division d : all) {
            if (d.parent() != null) {
                children.computeIfAbsent(d.parent().code(), k -> new ArrayList<>()).add(d);
            }
            byName.computeIfAbsent(d.name(), k -> new ArrayList<>()).add(d);
        }
        for (Division d : all) {
            String brief = SUFFIX.matcher(d.name()).replaceFirst("");
            if (d.depth() <= 2 && brief.length() >= 2 && !brief.equals(d.name()) && !byName.containsKey(brief)) {
                byName.computeIfAbsent(brief, k -> new ArrayList<>()).add(d);
            }
        }
        this.namesLongestFirst = byName.keySet().stream().sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
    }

    public static Divisions get() {
        return INSTANCE;
    }

    public List<Division> provinces() {
        return provinces;
    }

    /** The divisions directly under the one with this code (a province's cities, a city's counties). */
    public List<Division> children(String code) {
        return children.getOrDefault(code, List.of());
    }

    /**
     * The place a text names, read from the top down to its end (湖南省长沙市浏阳市, 湖南长沙, 长沙市; a town or 街道
     * after the county is the county), or a city or county named alone when only one division has that name (浏阳市,
     * 西安); 全国 for the country; empty when the text names no division, names one several places share without
     * saying which (鼓楼区, 江苏省鼓楼区), or has more after its place than a town (湖南省长沙市浏阳).
     */
    public Optional<Jurisdiction> resolve(String text) {
        if (text != null && (text.strip().equals(Regions.NATIONAL) || text.strip().equals("中央"))) {
            return Optional.of(Jurisdiction.NATIONAL);
        }
        return division(text).map(Division::jurisdiction);
    }

    /** The division a text names, as {@link #resolve} reads it; empty for the country, or no single division. */
    public Optional<Division> division(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String rest = text.strip().replaceAll("[\\s·,，、/]", "");
        Division at = null;
        while (!rest.isEmpty()) {
            Division next = null;
            String matched = null;
            Division above = at;
            for (String name : namesLongestFirst) {
                if (rest.startsWith(name)) {
                    List<Division> named = byName.get(name).stream().filter(d -> under(d, above)).toList();
                    if (named.size() == 1) { // 江苏省鼓楼区: two under 江苏省, so which one is not said
                        next = named.get(0);
                        matched = name;
                        break;
                    }
                }
            }
            if (next == null) {
                break;
            }
            at = next;
            rest = rest.substring(matched.length());
        }
        if (!rest.isEmpty() && !BELOW_COUNTY.matcher(rest).find()) {
            return Optional.empty(); // 湖南省长沙市浏阳 is no place: not 长沙市 either
        }
        return Optional.ofNullable(at);
    }

    /** The division with this code. */
    public Optional<Division> byCode(String code) {
        return Optional.ofNullable(code == null ? null : codes.get(code));
    }

    /** Whether a division lies under another (directly or further down); anything lies under nothing. */
    private static boolean under(Division d, Division above) {
        if (above == null) {
            return true;
        }
        for (Division p = d.parent(); p != null; p = p.parent()) {
            if (p == above) {
                return true;
            }
        }
        return false;
    }

    /**
     * Where an issuer's rules bind: 中共西安市委组织部 → 陕西省西安市, 中共浏阳市委组织部 → 湖南省长沙市浏阳市, a central
     * body → 全国. The deepest division the issuer names; a name several places share (鼓楼区) is told apart by a
     * place above it that the issuer or {@code context} (the document's opening) names, else the issuer says no more
     * than what it names unambiguously.
     */
    public Optional<Jurisdiction> ofIssuer(String issuer, String context) {
        if (issuer == null || issuer.isBlank()) {
            return Optional.empty();
        }
        List<List<Division>> found = named(issuer);
        if (found.isEmpty()) {
            return CENTRAL.matcher(issuer).find() ? Optional.of(Jurisdiction.NATIONAL) : Optional.empty();
        }
        List<Division> mentioned = new ArrayList<>();
        found.forEach(mentioned::addAll);
        if (context != null) {
            named(context.length() > 2000 ? context.substring(0, 2000) : context).forEach(mentioned::addAll);
        }
        Division best = null;
        for (List<Division> same : found) {
            Division chosen = same.size() == 1 ? same.get(0) : same.stream()
                    .filter(d -> mentioned.stream().anyMatch(m -> m != d && under(d, m))).findFirst().orElse(null);
            if (chosen != null && (best == null || chosen.depth() > best.depth())) {
                best = chosen;
            }
        }
        return Optional.ofNullable(best).map(Division::jurisdiction);
    }

    /** The divisions a text names, longest names first and not overlapping; each with every division of its name. */
    private List<List<Division>> named(String text) {
        return NameMatches.in(text, namesLongestFirst.stream().filter(n -> n.length() >= 2).toList()).stream()
                .map(m -> byName.get(m.name())).toList();
    }

    private static Divisions load() {
        Map<String, Division> byCode = new LinkedHashMap<>();
        try (InputStream in = Divisions.class.getResourceAsStream("/zhibu/divisions.tsv");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                byCode.put(f[0], new Division(f[0], f[1], f[2].isEmpty() ? null : byCode.get(f[2])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Divisions(List.copyOf(byCode.values()));
    }
}
