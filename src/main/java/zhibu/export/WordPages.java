package zhibu.export;

import java.math.BigInteger;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;

/** A4 pages for the Word files zhibu writes, in twentieths of a point. */
public final class WordPages {
    public static final int A4_SHORT = 11906;
    public static final int A4_LONG = 16838;

    private WordPages() {
    }

    /** A4, portrait or landscape, with equal margins all round. */
    public static void a4(XWPFDocument doc, boolean landscape, int margin) {
        CTSectPr page = doc.getDocument().getBody().isSetSectPr() ? doc.getDocument().getBody().getSectPr()
                : doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = page.isSetPgSz() ? page.getPgSz() : page.addNewPgSz();
        size.setW(BigInteger.valueOf(landscape ? A4_LONG : A4_SHORT));
        size.setH(BigInteger.valueOf(landscape ? A4_SHORT : A4_LONG));
        if (landscape) {
            size.setOrient(STPageOrientation.LANDSCAPE);
        }
        CTPageMar margins = page.isSetPgMar() ? page.getPgMar() : page.addNewPgMar();
        margins.setTop(BigInteger.valueOf(margin));
        margins.setBottom(BigInteger.valueOf(margin));
        margins.setLeft(BigInteger.valueOf(margin));
        margins.setRight(BigInteger.valueOf(margin));
    }
}
