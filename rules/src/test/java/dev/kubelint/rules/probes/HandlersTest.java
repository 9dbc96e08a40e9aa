package dev.kubelint.rules.probes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class HandlersTest {

    @Test
    void eachHandlerTypeIsSetByTheKeyOfTheApi() {
        assertEquals(
                List.of("exec", "httpGet", "tcpSocket", "grpc", "sleep"),
                Stream.of(Handlers.Type.values()).map(Handlers.Type::key).toList());
    }
}
