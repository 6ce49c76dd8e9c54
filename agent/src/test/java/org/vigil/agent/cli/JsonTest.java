package org.vigil.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void write_anyString_roundTripsThroughARealParser() throws Exception {
        Random random = new Random(42);
        ObjectMapper mapper = new ObjectMapper();
        for (int i = 0; i < 2000; i++) {
            char[] chars = new char[random.nextInt(20)];
            for (int j = 0; j < chars.length; j++) {
                chars[j] = (char) random.nextInt(0x3000);
            }
            String s = new String(chars);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put(s, Arrays.asList(s, 1, true, null));
            assertEquals(m, mapper.readValue(Json.write(m), Map.class));
        }
    }
}
