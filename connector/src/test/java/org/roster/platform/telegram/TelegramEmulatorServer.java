package org.roster.platform.telegram;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;

/**
 * The {@link TelegramEmulator} in a whole Roster server's place of TDLib: a server configured with
 * {@code roster.telegram.tdjson=class:org.roster.platform.telegram.TelegramEmulatorServer} makes one,
 * and the test arranges and reads Telegram's side through a small HTTP control port on 127.0.0.1
 * (the environment variable {@code ROSTER_TELEGRAM_EMULATOR_PORT}). For tests only: it is never
 * part of Roster's own war.
 *
 * <pre>
 * POST /register?phone=…&amp;first=…&amp;last=…          someone signs up to Telegram
 * POST /contact?owner=…&amp;phone=…&amp;first=…&amp;last=…   the owner saves a contact in their app
 * GET  /registered?phone=…                         whether the number has a Telegram account
 * GET  /code?phone=…                               the login code Telegram sent (404: none)
 * GET  /contacts?phone=…                           an account's contacts, as JSON
 * GET  /requests                                   every request TDLib received, as JSON
 * </pre>
 */
public final class TelegramEmulatorServer implements TdJson {

    private final TelegramEmulator emulator = new TelegramEmulator(Clock.systemUTC());

    public TelegramEmulatorServer() throws IOException {
        String port = System.getenv("ROSTER_TELEGRAM_EMULATOR_PORT");
        if (port == null || port.isBlank()) {
            throw new IllegalStateException("set ROSTER_TELEGRAM_EMULATOR_PORT for the emulator's control port");
        }
        HttpServer control = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                Integer.parseInt(port.strip())), 10);
        control.createContext("/", this::handle);
        control.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        String path = exchange.getRequestURI().getPath();
        int status = 200;
        String body;
        try {
            switch (path) {
                case "/register":
                    body = Long.toString(emulator.register(query.get("phone"), query.get("first"), query.get("last")));
                    break;
                case "/contact":
                    emulator.addContactInApp(query.get("owner"), query.get("phone"), query.get("first"),
                            query.get("last"));
                    body = "ok";
                    break;
                case "/registered":
                    body = Boolean.toString(emulator.isRegistered(query.get("phone")));
                    break;
                case "/code":
                    body = emulator.loginCode(query.get("phone")).orElse(null);
                    if (body == null) {
                        status = 404;
                        body = "no code was sent";
                    }
                    break;
                case "/contacts":
                    JsonArrayBuilder contacts = Json.createArrayBuilder();
                    emulator.contactsOf(query.get("phone")).forEach(c -> contacts.add(Json.createObjectBuilder()
                            .add("userId", c.userId()).add("phone", c.phoneNumber()).add("first", c.firstName())
                            .add("last", c.lastName())));
                    body = contacts.build().toString();
                    break;
                case "/requests":
                    JsonArrayBuilder requests = Json.createArrayBuilder();
                    emulator.requests().forEach(r -> requests.add(Json.createObjectBuilder().add("type", r.type())
                            .add("account", r.account()).add("json", r.json())
                            .add("duringRetryAfter", r.duringRetryAfter())));
                    body = requests.build().toString();
                    break;
                default:
                    status = 404;
                    body = "unknown: " + path;
            }
        } catch (RuntimeException e) {
            status = 400;
            body = String.valueOf(e.getMessage());
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] parts = pair.split("=", 2);
                values.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                        parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
            }
        }
        return values;
    }

    @Override
    public int createClientId() {
        return emulator.createClientId();
    }

    @Override
    public void send(int clientId, String request) {
        emulator.send(clientId, request);
    }

    @Override
    public String receive(double timeoutSeconds) {
        return emulator.receive(timeoutSeconds);
    }

    @Override
    public String execute(String request) {
        return emulator.execute(request);
    }
}
