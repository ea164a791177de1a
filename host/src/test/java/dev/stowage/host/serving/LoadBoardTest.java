package dev.stowage.host.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LoadBoardTest {
    private final LoadBoard board = new LoadBoard();

    @Test
    void an_unknown_copy_is_idle() {
        assertThat(board.estimate("c-1")).isZero();
    }

    @Test
    void requests_sent_since_the_last_report_are_added_to_it() {
        board.report("c-1", 3);
        LoadBoard.Ticket first = board.sent("c-1");
        board.sent("c-1");
        assertThat(board.estimate("c-1")).isEqualTo(5);
        board.done(first);
        assertThat(board.estimate("c-1")).isEqualTo(4);
    }

    @Test
    void a_request_the_report_counted_comes_off_the_report_when_it_ends() {
        LoadBoard.Ticket ticket = board.sent("c-1");
        board.report("c-1", 4); // made while the request was in flight: it counts it
        assertThat(board.estimate("c-1")).isEqualTo(4);
        board.done(ticket);
        assertThat(board.estimate("c-1")).isEqualTo(3);
    }

    @Test
    void counts_never_go_below_zero() {
        LoadBoard.Ticket ticket = board.sent("c-1");
        board.report("c-1", 0);
        board.done(ticket);
        board.done(ticket);
        assertThat(board.estimate("c-1")).isZero();
    }

    @Test
    void loads_travel_as_text_and_skip_what_does_not_parse() {
        assertThat(CopyLoads.parse("c-1=3, c-2=0,bad,=4,c-3=x")).isEqualTo(Map.of("c-1", 3, "c-2", 0));
        board.reportAll(CopyLoads.parse("c-1=2"));
        assertThat(board.estimate("c-1")).isEqualTo(2);
    }
}
