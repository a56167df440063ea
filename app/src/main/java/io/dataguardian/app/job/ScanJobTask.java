package io.dataguardian.app.job;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.time.Duration;
import java.time.Instant;

/**
 * The db-scheduler task of one scan; the instance id is the scan id. A node with no room reschedules the
 * execution a few seconds later (it stays queued, any node may take it then). A node that dies mid-scan stops
 * its heartbeat; db-scheduler's dead-execution check then revives the execution on another node, where
 * {@link ScanJobRunner} clears the partial results and runs the scan again.
 */
public class ScanJobTask extends OneTimeTask<Void> {

    public static final String NAME = "scan-job";
    static final Duration DEFER = Duration.ofSeconds(3);

    private final ScanJobRunner runner;

    public ScanJobTask(ScanJobRunner runner) {
        super(NAME, Void.class);
        this.runner = runner;
    }

    public TaskInstance<Void> instance(long scanId) {
        return new TaskInstance<>(NAME, Long.toString(scanId));
    }

    @Override
    public CompletionHandler<Void> execute(TaskInstance<Void> instance, ExecutionContext context) {
        ScanJobRunner.Outcome outcome = runner.run(Long.parseLong(instance.getId()));
        if (outcome == ScanJobRunner.Outcome.DEFERRED) {
            return (complete, operations) -> operations.reschedule(complete, Instant.now().plus(DEFER));
        }
        return new CompletionHandler.OnCompleteRemove<>();
    }

    @Override
    public void executeOnce(TaskInstance<Void> instance, ExecutionContext context) {
        throw new UnsupportedOperationException("execute() is overridden");
    }
}
