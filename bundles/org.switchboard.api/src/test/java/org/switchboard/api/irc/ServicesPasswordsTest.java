package org.switchboard.api.irc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class ServicesPasswordsTest {

    private static String redact(String target, String text) {
        return ServicesPasswords.redact(target, text);
    }

    @Test
    void passwordsToServicesAreMasked() {
        assertEquals("IDENTIFY ****", redact("NickServ", "IDENTIFY hunter2"));
        assertEquals("identify alice ****", redact("nickserv", "identify alice hunter2"));
        assertEquals("ID ****", redact("NickServ", "ID hunter2"));
        assertEquals("REGISTER **** alice@example.org", redact("NickServ", "REGISTER hunter2 alice@example.org"));
        assertEquals("GHOST alice ****", redact("NickServ", "GHOST alice hunter2"));
        assertEquals("RECOVER alice ****", redact("NickServ", "RECOVER alice hunter2"));
        assertEquals("SET PASSWORD ****", redact("NickServ", "SET PASSWORD new-secret"));
        assertEquals("AUTH alice ****", redact("Q@CServe.quakenet.org", "AUTH alice hunter2"));
        assertEquals("LOGIN alice ****", redact("X@channels.undernet.org", "LOGIN alice hunter2"));
        assertEquals("AUTH alice ****", redact("AuthServ", "AUTH alice hunter2"));
        assertEquals("IDENTIFY #chan ****", redact("ChanServ", "IDENTIFY #chan hunter2"));
        assertEquals("GROUP alice ****", redact("NickServ", "GROUP alice hunter2"));
        assertEquals("group alice ****", redact("NickServ@services.example", "group alice hunter2"));
        assertEquals("SASET bob PASSWORD ****", redact("NickServ", "SASET bob PASSWORD new-secret"));
        assertEquals("saset bob password ****", redact("NickServ", "saset bob password new-secret"));
        assertEquals("REGISTER #chan **** A channel about Java",
                redact("ChanServ", "REGISTER #chan hunter2 A channel about Java"));
        assertEquals("REGISTER #chan ****", redact("ChanServ", "REGISTER #chan hunter2"));
    }

    @Test
    void everythingElseIsLeftAlone() {
        String text = "IDENTIFY hunter2";
        assertSame(text, redact("alice", text), "not a services nick");
        assertSame(text, redact("#java", text), "a channel");
        String register = "REGISTER #chan";
        assertSame(register, redact("ChanServ", register), "today's ChanServ REGISTER without a description");
        String help = "HELP IDENTIFY";
        assertSame(help, redact("NickServ", help));
        String bare = "IDENTIFY";
        assertSame(bare, redact("NickServ", bare));
        String ghost = "GHOST alice";
        assertSame(ghost, redact("NickServ", ghost), "no password given (the account is identified)");
        String group = "GROUP";
        assertSame(group, redact("NickServ", group));
        String groupIdentified = "GROUP alice";
        assertSame(groupIdentified, redact("NickServ", groupIdentified), "no password given (already identified)");
        String hostGroup = "GROUP some thing";
        assertSame(hostGroup, redact("HostServ", hostGroup), "GROUP holds a password only to a nick service");
        String saset = "SASET bob EMAIL bob@example.org";
        assertSame(saset, redact("NickServ", saset));
        String set = "SET EMAIL alice@example.org";
        assertSame(set, redact("NickServ", set));
        assertEquals(null, redact("NickServ", null));
    }
}
