import de.unihd.dbs.heideltime.standalone.DocumentType;
import de.unihd.dbs.heideltime.standalone.HeidelTimeStandalone;
import de.unihd.dbs.heideltime.standalone.OutputType;
import de.unihd.dbs.heideltime.standalone.POSTagger;
import de.unihd.dbs.heideltime.standalone.components.impl.TimeMLResultFormatter;
import de.unihd.dbs.uima.annotator.heideltime.resources.Language;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.text.SimpleDateFormat;
import java.util.Date;

/**
 * One long-lived HeidelTime (English, NEWS, TreeTagger) for benchmarks/heideltime.py.
 *
 * Usage: java -cp heideltime.jar:DIR HeidelTimeServer CONFIG_PROPS
 * Protocol, all UTF-8, one request at a time:
 *   in:  "YYYY-MM-DD NBYTES\n" then NBYTES bytes of document text
 *   out: "OK NBYTES NANOS\n" then NBYTES bytes of HeidelTime's TimeML output
 *        (NANOS = time inside process()), or "ERR NBYTES 0\n" then the message.
 * HeidelTime's own logging goes to stderr; stdout carries only the protocol.
 */
public final class HeidelTimeServer {
    public static void main(String[] args) throws Exception {
        OutputStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false);
        System.setOut(System.err);  // keep stray prints off the protocol channel
        HeidelTimeStandalone tagger = new HeidelTimeStandalone(
                Language.ENGLISH, DocumentType.NEWS, OutputType.TIMEML, args[0], POSTagger.TREETAGGER, false);
        TimeMLResultFormatter formatter = new TimeMLResultFormatter();
        SimpleDateFormat dayFormat = new SimpleDateFormat("yyyy-MM-dd");
        DataInputStream in = new DataInputStream(new BufferedInputStream(System.in));
        String header;
        while ((header = readLine(in)) != null) {
            String[] parts = header.trim().split(" ");
            byte[] body = new byte[Integer.parseInt(parts[1])];
            in.readFully(body);
            String text = new String(body, StandardCharsets.UTF_8);
            String status = "OK";
            String result;
            long started = System.nanoTime();
            long elapsed;
            try {
                Date dct = dayFormat.parse(parts[0]);
                result = tagger.process(text, dct, formatter);
            } catch (Exception e) {
                status = "ERR";
                result = e.toString();
            }
            elapsed = System.nanoTime() - started;
            byte[] reply = result.getBytes(StandardCharsets.UTF_8);
            out.write((status + " " + reply.length + " " + elapsed + "\n").getBytes(StandardCharsets.UTF_8));
            out.write(reply);
            out.flush();
        }
    }

    private static String readLine(DataInputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            line.write(b);
        }
        if (b == -1 && line.size() == 0) {
            return null;
        }
        return line.toString(StandardCharsets.UTF_8);
    }
}
