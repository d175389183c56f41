package org.switchboard.protocol.internal.isupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.switchboard.api.irc.CaseMapping;
import org.switchboard.api.irc.IrcMessage;
import org.switchboard.api.irc.Isupport;

class IsupportStateTest {

    private final IsupportState isupport = new IsupportState();

    private void apply(String... tokens) {
        List<String> params = new ArrayList<>();
        params.add("me");
        params.addAll(List.of(tokens));
        params.add("are supported by this server");
        isupport.apply(new IrcMessage(Map.of(), "irc.example", "005", params));
    }

    @Test
    void defaultsBeforeAny005() {
        assertEquals(new Isupport.Prefix("ov", "@+"), isupport.prefix());
        assertEquals("#&", isupport.chantypes());
        assertEquals(new Isupport.ChanModes("beI", "k", "l", "imnpst"), isupport.chanmodes());
        assertEquals(CaseMapping.RFC1459, isupport.caseMapping());
        assertEquals(OptionalInt.empty(), isupport.nicklen());
        assertEquals(Optional.empty(), isupport.network());
        assertEquals("", isupport.statusmsg());
        assertEquals(OptionalInt.empty(), isupport.targmax("PRIVMSG"));
        assertEquals(512, isupport.linelen());
        assertEquals(OptionalInt.empty(), isupport.monitor());
        assertEquals(Map.of(), isupport.tokens());
        assertTrue(isupport.isChannel("#x"));
        assertFalse(isupport.isChannel("nick"));
    }

    @Test
    void typedValues() {
        apply("PREFIX=(qaohv)~&@%+", "CHANTYPES=#", "CHANMODES=beIq,k,flj,CFLMPQScgimnprstuz", "CASEMAPPING=ascii",
                "NICKLEN=31", "NETWORK=Libera.Chat", "STATUSMSG=@+", "TARGMAX=NAMES:1,LIST:1,KICK:1,WHOIS:1,PRIVMSG:4,JOIN:",
                "LINELEN=2048", "MONITOR=100");
        assertEquals("qaohv", isupport.prefix().modes());
        assertEquals('%', isupport.prefix().symbolFor('h'));
        assertEquals('o', isupport.prefix().modeFor('@'));
        assertEquals(0, isupport.prefix().rank('~'));
        assertEquals("#", isupport.chantypes());
        assertFalse(isupport.isChannel("&local"));
        assertEquals(new Isupport.ChanModes("beIq", "k", "flj", "CFLMPQScgimnprstuz"), isupport.chanmodes());
        assertEquals(CaseMapping.ASCII, isupport.caseMapping());
        assertEquals(OptionalInt.of(31), isupport.nicklen());
        assertEquals(Optional.of("Libera.Chat"), isupport.network());
        assertEquals("@+", isupport.statusmsg());
        assertEquals(OptionalInt.of(4), isupport.targmax("privmsg"));
        assertEquals(OptionalInt.empty(), isupport.targmax("JOIN"));
        assertEquals(OptionalInt.empty(), isupport.targmax("NOTICE"));
        assertEquals(2048, isupport.linelen());
        assertEquals(OptionalInt.of(100), isupport.monitor());
    }

    @Test
    void everyTokenForm() {
        apply("EXCEPTS", "INVEX=", "KEY=value", "lower=case");
        assertEquals(Optional.of(""), isupport.token("EXCEPTS"));
        assertEquals(Optional.of(""), isupport.token("INVEX"));
        assertEquals(Optional.of("value"), isupport.token("key"));
        assertEquals(Optional.of("case"), isupport.token("LOWER"));
        apply("-KEY", "-EXCEPTS");
        assertEquals(Optional.empty(), isupport.token("KEY"));
        assertEquals(Optional.empty(), isupport.token("EXCEPTS"));
        assertEquals(Optional.of(""), isupport.token("INVEX"));
    }

    @Test
    void minusKeyRestoresTheDefault() {
        apply("PREFIX=(ov)@+", "CASEMAPPING=ascii", "LINELEN=1024");
        apply("PREFIX=(qov)~@+");
        assertEquals("qov", isupport.prefix().modes());
        apply("-PREFIX", "-CASEMAPPING", "-LINELEN");
        assertEquals(new Isupport.Prefix("ov", "@+"), isupport.prefix());
        assertEquals(CaseMapping.RFC1459, isupport.caseMapping());
        assertEquals(512, isupport.linelen());
    }

    @Test
    void emptyValuesMeanNoneOrDefault() {
        apply("PREFIX=", "CHANTYPES=", "CASEMAPPING=", "MONITOR", "CHANMODES=", "STATUSMSG=");
        assertEquals(new Isupport.Prefix("", ""), isupport.prefix());
        assertEquals("", isupport.chantypes());
        assertFalse(isupport.isChannel("#x"));
        assertEquals(CaseMapping.RFC1459, isupport.caseMapping());
        assertEquals(OptionalInt.of(0), isupport.monitor());
        assertEquals(new Isupport.ChanModes("beI", "k", "l", "imnpst"), isupport.chanmodes());
        assertEquals("", isupport.statusmsg());
    }

    @Test
    void escapesInValues() {
        apply("NETWORK=Example\\x20Net", "IDCHAN=!:5", "BAD=\\xZZ\\x", "UTF=caf\\xC3\\xA9", "EQ=a\\x3Db");
        assertEquals(Optional.of("Example Net"), isupport.network());
        assertEquals(Optional.of("\\xZZ\\x"), isupport.token("BAD"));
        assertEquals(Optional.of("caf\u00e9"), isupport.token("UTF"));
        assertEquals(Optional.of("a=b"), isupport.token("EQ"));
    }

    @Test
    void malformedValuesFallBackToDefaults() {
        apply("PREFIX=ov@+", "NICKLEN=abc", "LINELEN=-5", "CASEMAPPING=unknown-mapping", "MONITOR=x");
        assertEquals(new Isupport.Prefix("ov", "@+"), isupport.prefix());
        assertEquals(OptionalInt.empty(), isupport.nicklen());
        assertEquals(512, isupport.linelen());
        assertEquals(CaseMapping.RFC1459, isupport.caseMapping());
        assertEquals(OptionalInt.of(0), isupport.monitor());
    }

    @Test
    void valuesAccumulateAcrossSeveral005AndResetForgets() {
        apply("NICKLEN=9");
        apply("NETWORK=Net");
        assertEquals(OptionalInt.of(9), isupport.nicklen());
        assertEquals(Optional.of("Net"), isupport.network());
        apply("NICKLEN=30");
        assertEquals(OptionalInt.of(30), isupport.nicklen());
        isupport.reset();
        assertEquals(Map.of(), isupport.tokens());
        assertEquals(OptionalInt.empty(), isupport.nicklen());
    }

    @Test
    void lastParameterWithoutSpaceIsAToken() {
        isupport.apply(IrcMessage.of("005", "me", "NICKLEN=12", "NETWORK=X"));
        assertEquals(OptionalInt.of(12), isupport.nicklen());
        assertEquals(Optional.of("X"), isupport.network());
    }

    @Test
    void tokensAreReadOnlySnapshots() {
        apply("A=1");
        Map<String, String> before = isupport.tokens();
        apply("B=2");
        assertEquals(Map.of("A", "1"), before);
        assertEquals(Map.of("A", "1", "B", "2"), isupport.tokens());
        org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class,
                () -> isupport.tokens().put("C", "3"));
    }
}
