package io.callbook.common.persistence;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** What makes two statements one shape, and what keeps them apart. */
class SqlShapesTest {

    @Test
    void hibernateStatementsKeepTheirNamesAndParameters() {
        assertEquals("select c1_0.id,c1_0.name from companies c1_0 where c1_0.id=?",
                SqlShapes.shapeOf("select c1_0.id,c1_0.name from companies c1_0 where c1_0.id=?"));
    }

    @Test
    void literalsBecomeParameters() {
        assertEquals("select * from t where a = ? and b = ? and c = ? and d > ?",
                SqlShapes.shapeOf("select * from t where a = 42 and b = 'it''s' and c = $1 and d > 1.5"));
    }

    @Test
    void listsOfValuesOfAnyLengthAreOneShape() {
        String three = SqlShapes.shapeOf("select * from t where id in (?, ?, ?)");
        assertEquals("select * from t where id in (?)", three);
        assertEquals(three, SqlShapes.shapeOf("select * from t where id in (?,?)"));
        assertEquals(three, SqlShapes.shapeOf("select * from t where id in (1, 2, 3, 4)"));
    }

    @Test
    void whitespaceAndCommentsDoNotMakeAnotherShape() {
        assertEquals("select a from t where b=?",
                SqlShapes.shapeOf("  /* load Thing */ select a\n\t from   t -- why\n where b=?  "));
    }

    @Test
    void quotedNamesStayAsTheyAre() {
        assertEquals("select \"Order 1\" from \"T2\" where x=?",
                SqlShapes.shapeOf("select \"Order 1\" from \"T2\" where x=7"));
    }

    @Test
    void aStatementSentAgainIsShapedOnce() {
        SqlShapes shapes = new SqlShapes();
        String sql = "select a from t where b=?";

        assertSame(shapes.of(sql), shapes.of(sql));
    }
}
