package zhibu.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Province and city names (data in regions.tsv), to tell a document's region from its issuer. */
public final class Regions {
    public static final String NATIONAL = "全国";
    private static final Regions INSTANCE = load();

    /** "西安市" → "陕西省", and every province → itself. */
    private final Map<String, String> cityToProvince;
    private final Map<String, String> provinceByShortName;

    private Regions(Map<String, String> cityToProvince, Map<String, String> provinceByShortName) {
        this.cityToProvince = cityToProvince;
        this.provinceByShortName = provinceByShortName;
    }

    public static Regions get() {
        return INSTANCE;
    }

    /** The region an issuer speaks for: "中共西安市委组织部" → "陕西省西安市"; central bodies → 全国. */
    public Optional<String> ofIssuer(String issuer) {
        if (issuer == null || issuer.isBlank()) {
            return Optional.empty();
        }
        for (Map.Entry<String, String> city : cityToProvince.entrySet()) {
            if (issuer.contains(city.getKey())) {
                return Optional.of(city.getValue() + city.getKey());
            }
        }
        for (Map.Entry<String, String> province : provinceByShortName.entrySet()) {
            if (issuer.contains(province.getValue()) || issuer.contains(province.getKey() + "省")
                    || issuer.contains(province.getKey() + "市")) {
                return Optional.of(province.getValue());
            }
        }
        if (issuer.matches(".*(中共中央|中央|国务院|全国|中国共产党全国代表大会|中组部).*")) {
            return Optional.of(NATIONAL);
        }
        return Optional.empty();
    }

    private static Regions load() {
        Map<String, String> cities = new LinkedHashMap<>();
        Map<String, String> provinces = new LinkedHashMap<>();
        try (InputStream in = Regions.class.getResourceAsStream("/zhibu/regions.tsv");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t", -1);
                String province = cols[0].strip();
                provinces.put(province.replaceAll("(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区)$", ""), province);
                if (cols.length > 1 && !cols[1].isBlank()) {
                    for (String city : cols[1].split(",")) {
                        cities.put(city.strip() + "市", province);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Regions(cities, provinces);
    }
}
