package org.switchboard.api.irc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlSecretsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "ircs://alice:hunter2@host:6697/#chan | ircs://***@host:6697/#chan",
        "irc://alice:pa/ss@host/#chan         | irc://***@host/#chan",
        "irc://alice:pa#s?s@host:6667         | irc://***@host:6667",
        "irc://p@ss@word@host                 | irc://***@host",
        "alice:hunter2@host:6667              | ***@host:6667",
        "irc://host/#chan                     | irc://host/#chan",
        "host:+6697                           | host:+6697",
        "NULL                                 | ''",
    })
    void userInformationIsHiddenWhateverItHolds(String address, String shown) {
        assertEquals(shown, UrlSecrets.withoutUserInfo(address));
    }
}
