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
}
