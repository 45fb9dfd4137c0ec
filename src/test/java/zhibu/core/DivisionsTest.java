package zhibu.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Places named by users and issuers, at every level, and which rules bind which branches. */
@Timeout(60)
class DivisionsTest {
    private static final Divisions D = Divisions.get();

    private static String label(Optional<Jurisdiction> j) {
        return j.map(Jurisdiction::label).orElse("?");
    }

    @Test
    void aPlaceIsReadFromTheTopDownOrAloneWhenItsNameIsItsOwn() {
        assertEquals("湖南省", label(D.resolve("湖南省")));
        assertEquals("湖南省", label(D.resolve("湖南")));
        assertEquals("陕西省西安市", label(D.resolve("西安市")));
        assertEquals("陕西省西安市", label(D.resolve("陕西西安")));
        assertEquals("湖南省长沙市浏阳市", label(D.resolve("浏阳市")));
        assertEquals("湖南省长沙市浏阳市", label(D.resolve("湖南省长沙市浏阳市")));
        assertEquals("湖南省长沙市长沙县", label(D.resolve("长沙县")));
        assertEquals("湖南省长沙市", label(D.resolve("长沙")));
        assertEquals("江苏省南京市鼓楼区", label(D.resolve("南京市鼓楼区")));
        assertEquals("北京市朝阳区", label(D.resolve("北京市朝阳区")));
        assertEquals("湖南省长沙市天心区", label(D.resolve("湖南省长沙市天心区某某街道")), "deeper than a county: the county");
        assertEquals("全国", label(D.resolve("全国")));
        assertEquals("?", label(D.resolve("鼓楼区")), "several places share the name");
        assertEquals("?", label(D.resolve("火星")));
        assertEquals("?", label(D.resolve("江苏省鼓楼区")), "two under 江苏省: not one of them at random");
        assertEquals("?", label(D.resolve("湖南省长沙市浏阳")), "a name cut short is no place, not the city above it");
        assertEquals("?", label(D.resolve("湖南省火星市")));
        assertEquals("?", label(D.resolve("")));
    }

    @Test
    void anIssuerSaysWhereItsRulesBind() {
        assertEquals("陕西省西安市", label(D.ofIssuer("中共西安市委组织部", null)));
        assertEquals("湖南省", label(D.ofIssuer("中共湖南省委组织部", null)));
        assertEquals("江苏省苏州市", label(D.ofIssuer("中共苏州市委市级机关工作委员会", null)));
        assertEquals("湖南省长沙市浏阳市", label(D.ofIssuer("中共浏阳市委组织部", null)));
        assertEquals("全国", label(D.ofIssuer("中共中央组织部", null)));
        assertEquals("江苏省南京市鼓楼区", label(D.ofIssuer("中共鼓楼区委组织部", "南京市鼓楼区各街道党工委：")),
                "the opening says which 鼓楼区");
        assertEquals("?", label(D.ofIssuer("中共鼓楼区委组织部", "各街道党工委：")));
        assertEquals("?", label(D.ofIssuer("某某协会", null)));
    }

    @Test
    void aRuleBindsTheBranchesOfItsPlaceAndBelow() {
        Jurisdiction hunan = D.resolve("湖南省").orElseThrow();
        Jurisdiction liuyang = D.resolve("浏阳市").orElseThrow();
        Jurisdiction changsha = D.resolve("长沙市").orElseThrow();
        assertTrue(Jurisdiction.NATIONAL.binds(liuyang));
        assertTrue(hunan.binds(liuyang));
        assertTrue(liuyang.binds(liuyang));
        assertFalse(liuyang.binds(changsha), "a county's rule does not bind the rest of its city");
        assertFalse(liuyang.binds(hunan));
        assertFalse(hunan.binds(D.resolve("西安").orElseThrow()));
        assertFalse(hunan.binds(Jurisdiction.NATIONAL));
        assertEquals(List.of("湖南省", "长沙市", "浏阳市"), liuyang.places());
    }
}
