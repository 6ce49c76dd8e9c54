package org.vigil.agent.wire;

/**
 * Bodies of the messages the membership layer sends, before {@link DefaultFields}. Field order
 * and number bases follow Heartbeat 3.0.6 so a Heartbeat peer reads them.
 */
public final class ControlMessages {

    private ControlMessages() {
    }

    /**
     * The heartbeat: {@code t=status st=<status> dt=<hex deadtime ms> protocol=1}. Peers use
     * {@code dt} as our dead time; {@code protocol=1} announces the 2.x+ flow-control protocol
     * (the caller must then answer reqnodes and send NS_ackmsg).
     */
    public static HaMessage status(String status, long deadtimeMillis) {
        return HaMessage.builder()
                .add(HaMessage.TYPE, "status")
                .add("st", status)
                .addHex("dt", deadtimeMillis)
                .add("protocol", "1")
                .build();
    }

    /** A retransmission request for {@code firstseq..lastseq}, in decimal as Heartbeat sends it. */
    public static HaMessage rexmit(String dest, long firstSeq, long lastSeq) {
        return HaMessage.builder()
                .add(HaMessage.TYPE, "NS_rexmit")
                .add("dest", dest)
                .addDecimal("firstseq", firstSeq)
                .addDecimal("lastseq", lastSeq)
                .build();
    }

    /** "Cannot retransmit": {@code firstseq} in hex, {@code info} the reason text. */
    public static HaMessage nakRexmit(String dest, long firstSeq, String info) {
        return HaMessage.builder()
                .add(HaMessage.TYPE, "NS_nak_rexmit")
                .add("firstseq", Long.toHexString(firstSeq))
                .add("dest", dest)
                .add("info", info)
                .build();
    }

    /** Flow-control acknowledgement up to {@code ackSeq} (hex). */
    public static HaMessage ackmsg(String dest, long ackSeq) {
        return HaMessage.builder()
                .add(HaMessage.TYPE, "NS_ackmsg")
                .add("dest", dest)
                .addHex("ackseq", ackSeq)
                .build();
    }
}
