package zhibu.core;

import com.fasterxml.jackson.annotation.JsonValue;

public enum DocumentKind {
    POLICY("policy"),
    REGULATION("regulation"),
    EXPERIENCE("experience");

    private final String code;

    DocumentKind(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public static DocumentKind fromCode(String code) {
        for (DocumentKind k : values()) {
            if (k.code.equals(code.strip())) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown document kind: " + code);
    }
}
