package org.certbench.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

class UndefinedVariablesTest {

    private static final Set<String> DEFINED = Set.of("home");

    @Test
    void anUndefinedVariableIsFound() {
        assertEquals(Optional.of("x"), UndefinedVariables.first("ca:check $x", DEFINED::contains));
        assertEquals(Optional.of("file"), UndefinedVariables.first("ca:check \"${file}.pem\"", DEFINED::contains));
    }

    @Test
    void definedVariablesPass() {
        assertEquals(Optional.empty(), UndefinedVariables.first("ca:check $home/ca.pem", DEFINED::contains));
    }

    @Test
    void singleQuotesAndBackslashesKeepTheDollarSign() {
        assertEquals(Optional.empty(), UndefinedVariables.first("ca:check '$x'", DEFINED::contains));
        assertEquals(Optional.empty(), UndefinedVariables.first("ca:check \\$x", DEFINED::contains));
        assertEquals(Optional.empty(), UndefinedVariables.first("ca:check a$", DEFINED::contains));
    }

    @Test
    void aClosuresOwnVariablesAreLeftToItsRun() {
        assertEquals(Optional.empty(), UndefinedVariables.first("each [a b] { echo $it $1 ${args} }", DEFINED::contains));
        assertEquals(Optional.of("x"), UndefinedVariables.first("each [a b] { echo $it } ; echo ${x}", DEFINED::contains));
    }

    @Test
    void aBracedNameOpensNoClosure() {
        assertEquals(Optional.of("y"), UndefinedVariables.first("echo ${home} $y", DEFINED::contains));
    }

    @Test
    void aNameAssignedAtTheStartOfAStatementIsDefinedForTheRestOfTheLine() {
        assertEquals(Optional.empty(), UndefinedVariables.first("x = /tmp/ca.pem; ca:check $x", DEFINED::contains));
        assertEquals(Optional.empty(), UndefinedVariables.first("x=1 | echo ${x}", DEFINED::contains));
        assertEquals(Optional.empty(), UndefinedVariables.first("echo (y = 2) $y", DEFINED::contains));
        assertEquals(Optional.empty(), UndefinedVariables.first("echo a\n  z = 3\necho $z", DEFINED::contains));
    }

    @Test
    void aNameAssignedElsewhereOrLaterIsNotDefined() {
        assertEquals(Optional.of("x"), UndefinedVariables.first("echo x = 1; ca:check $x", DEFINED::contains));
        assertEquals(Optional.of("x"), UndefinedVariables.first("ca:check $x; x = 1", DEFINED::contains));
        assertEquals(Optional.of("x"), UndefinedVariables.first("x == 1; ca:check $x", DEFINED::contains));
    }

    @Test
    void aNameFollowedByAnOperatorIsLeftToGogo() {
        for (String operator : new String[] { "-", ":-", "=", ":=", "::=", "+", ":+", "?", ":?" }) {
            String line = "ca:check ${x" + operator + "d}";
            assertEquals(Optional.empty(), UndefinedVariables.first(line, DEFINED::contains), line);
        }
        assertEquals(Optional.empty(), UndefinedVariables.first("ca:check ${+x}", DEFINED::contains));
    }

    @Test
    void aBracedExpressionEndsAtItsOwnClosingBrace() {
        assertEquals(Optional.of("y"), UndefinedVariables.first("echo ${x:-{a}} $y", DEFINED::contains));
        assertEquals(Optional.of("y"), UndefinedVariables.first("echo ${x:-${home}} $y", DEFINED::contains));
        assertEquals(Optional.empty(), UndefinedVariables.first("each [a] { echo ${x:-d} $it }", DEFINED::contains));
    }
}
