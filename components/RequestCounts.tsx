import type { RequestCountsModel } from '@/lib/models/request-counts';

/**
 * The requests this browser made to each source (issue #12, "a polite
 * client"): a real table, with a caption and header cells, so a screen reader
 * announces each figure with its source and its day.
 */
export function RequestCounts({ model }: { model: RequestCountsModel }) {
  const state = model.state.value;
  return (
    <section class="options__data options__requests" aria-labelledby="requests-title">
      <h2 id="requests-title">Requests to the sources</h2>
      <p class="field__hint">
        Every request this browser made, counted on your calendar day: lists, “not modified” answers and failures alike,
        and your own refreshes. The extension asks only “has it changed?” of a list it already has, and stops asking a
        source for the day at its daily limit — far inside what GitHub allows one address without an account (60
        requests an hour).
      </p>
      {state.state === 'loading' ? (
        <p class="field__hint">Reading the counts…</p>
      ) : state.state === 'failed' ? (
        <p class="field__error">{state.message}</p>
      ) : (
        <div class="requests__scroll">
          <table class="requests">
            <caption>Requests per source and day</caption>
            <thead>
              <tr>
                <th scope="col">Source</th>
                <th scope="col">Today</th>
                <th scope="col">Yesterday</th>
                <th scope="col">Average a day, last 7 days</th>
                <th scope="col">Daily limit</th>
              </tr>
            </thead>
            <tbody>
              {state.rows.map((row) => (
                <tr key={row.id} data-source={row.id}>
                  <th scope="row">{row.label}</th>
                  <td>{row.today}</td>
                  <td>{row.yesterday}</td>
                  <td>{row.weekAverage.toFixed(1)}</td>
                  <td>{row.ceiling}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
