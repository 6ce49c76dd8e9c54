package org.vigil.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HeartbeatTimeTest {

    @ParameterizedTest
    @CsvSource({"2,2000", "1.5,1500", "0.5,500", "500ms,500", "500 ms,500", "500msec,500", "500MS,500",
        "1500us,2", "1499usec,1", "10,10000", "0.0005,1", "30000ms,30000", ".25,250"})
    void parseMillis_acceptsHeartbeatSyntax(String text, long expected) {
        assertEquals(OptionalLong.of(expected), HeartbeatTime.parseMillis(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"30s", "1m", "abc", "", "-1", "1,5", "ms", "1.2.3", "99999999999999999999"})
    void parseMillis_rejectsWhatHeartbeatRejects(String text) {
        assertTrue(HeartbeatTime.parseMillis(text).isEmpty(), text);
    }

    @ParameterizedTest
    @CsvSource({"30s,write [30]", "2min,write [120]", "abc,use seconds"})
    void suggestionFor_explainsTheFix(String text, String expected) {
        assertTrue(HeartbeatTime.suggestionFor(text).contains(expected), HeartbeatTime.suggestionFor(text));
    }

    @ParameterizedTest
    @CsvSource({"10000,10", "1500,1500ms", "250,250ms"})
    void format_writesHaCfStyle(long millis, String expected) {
        assertEquals(expected, HeartbeatTime.format(millis));
    }
}
