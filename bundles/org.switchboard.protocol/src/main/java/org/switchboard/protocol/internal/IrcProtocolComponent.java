package org.switchboard.protocol.internal;

import java.nio.charset.Charset;
import java.time.Instant;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.switchboard.api.irc.CaseMapping;
import org.switchboard.api.irc.CtcpMessage;
import org.switchboard.api.irc.FormattedText;
import org.switchboard.api.irc.IrcDecoder;
import org.switchboard.api.irc.IrcMessage;
import org.switchboard.api.irc.IrcProtocol;
import org.switchboard.api.irc.Isupport;
import org.switchboard.api.irc.ModeChange;
import org.switchboard.protocol.internal.decode.LineDecoder;
import org.switchboard.protocol.internal.isupport.IsupportState;
import org.switchboard.protocol.internal.modes.ModeParser;
import org.switchboard.protocol.internal.names.Hostnames;
import org.switchboard.protocol.internal.names.Masks;
import org.switchboard.protocol.internal.text.Ctcp;
import org.switchboard.protocol.internal.text.Formatting;
import org.switchboard.protocol.internal.text.MessageSplitter;
import org.switchboard.protocol.internal.time.ServerTime;
import org.switchboard.protocol.internal.wire.MessageSerializer;
import org.switchboard.protocol.internal.wire.TextMessageParser;

/**
 * The protocol service. Stateless: every piece of state (decoder buffers, ISUPPORT) lives in the objects it hands
 * out, so one instance serves all connections. Also usable without OSGi: {@code new IrcProtocolComponent()}.
 */
@Component(service = IrcProtocol.class)
public final class IrcProtocolComponent implements IrcProtocol {

    @Override
    public IrcMessage parse(String line) {
        return TextMessageParser.parse(line);
    }

    @Override
    public String serialize(IrcMessage message) {
        return MessageSerializer.serialize(message);
    }

    @Override
    public IrcDecoder newDecoder(Charset fallback) {
        return new LineDecoder(fallback);
    }

    @Override
    public Isupport newIsupport() {
        return new IsupportState();
    }

    @Override
    public List<ModeChange> parseModes(List<String> modeAndArguments, Isupport isupport, boolean channel) {
        return ModeParser.parse(modeAndArguments, isupport, channel);
    }

    @Override
    public CtcpMessage parseCtcp(String text) {
        return Ctcp.parse(text);
    }

    @Override
    public String formatCtcp(String command, String arguments) {
        return Ctcp.format(command, arguments);
    }

    @Override
    public FormattedText parseFormatting(String text) {
        return Formatting.parse(text);
    }

    @Override
    public String stripFormatting(String text) {
        return Formatting.strip(text);
    }

    @Override
    public List<IrcMessage> splitMessage(IrcMessage message, String ownSource, int lineLimit) {
        return MessageSplitter.split(message, ownSource, lineLimit);
    }

    @Override
    public byte[] stripFormatting(byte[] utf8) {
        return Formatting.strip(utf8);
    }

    @Override
    public Instant serverTime(IrcMessage message) {
        return ServerTime.of(message);
    }

    @Override
    public boolean maskMatches(String mask, String text, CaseMapping caseMapping) {
        return Masks.matches(mask, text, caseMapping);
    }

    @Override
    public boolean isValidHostname(String hostname) {
        return Hostnames.isValid(hostname);
    }
}
