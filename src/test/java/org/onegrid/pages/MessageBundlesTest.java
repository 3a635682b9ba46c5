package org.onegrid.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.onegrid.cases.CaseAction;
import org.onegrid.cases.CaseState;
import org.onegrid.cases.Channel;

/** Chinese and English carry the same keys, and every key a page names exists. */
class MessageBundlesTest {

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (var in = MessageBundlesTest.class.getResourceAsStream("/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        assertThat(load("messages_en.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(load("messages.properties").stringPropertyNames());
    }

    @Test
    void everyFixedKeyInTheTemplatesAndEveryStateChannelAndActionHasAText() throws IOException {
        Set<String> keys = load("messages.properties").stringPropertyNames();
        Set<String> used = new TreeSet<>();
        Pattern fixed = Pattern.compile("#\\{([a-zA-Z0-9.\\-]+)[}(]");
        try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path t : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher m = fixed.matcher(Files.readString(t));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        for (CaseState s : CaseState.values()) {
            used.add("state." + s.name());
        }
        for (Channel c : Channel.values()) {
            used.add("channel." + c.name());
        }
        for (CaseAction a : CaseAction.values()) {
            used.add("action." + a.pathName());
        }
        assertThat(keys).containsAll(used);
    }
}
