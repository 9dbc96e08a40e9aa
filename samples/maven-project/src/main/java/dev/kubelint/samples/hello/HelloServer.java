package dev.kubelint.samples.hello;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;

/** Answers every request with the greeting from the GREETING variable (set by the ConfigMap in src/main/k8s). */
public final class HelloServer {

    private HelloServer() {
    }

    public static void main(String[] args) throws IOException {
        String greeting = System.getenv().getOrDefault("GREETING", "Hello");
        HttpServer server = HttpServer.create(new InetSocketAddress(8080), 0);
        server.createContext("/", exchange -> {
            byte[] body = (greeting + "\n").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }
}
