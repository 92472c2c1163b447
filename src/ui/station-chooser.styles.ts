/** Styles of the chooser of stations that share one marker, adopted when its module loads. */
import { css } from 'lit';

export const chooserStyles = css`
  /* The chooser of stations that share one marker (ui/station-chooser.ts); placed by its controller. */
  .chooser {
    position: absolute;
    z-index: 1001;
    display: flex;
    flex-direction: column;
    overflow: hidden;
    border-radius: 10px;
    background: var(--sm-bg);
    color: var(--sm-fg);
    box-shadow: 0 2px 10px rgb(0 0 0 / 0.3);
  }
  .chooser-head {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 8px;
    padding: 6px 6px 6px 12px;
    border-bottom: 1px solid var(--sm-border);
    font-weight: 600;
  }
  .chooser ul {
    list-style: none;
    margin: 0;
    padding: 4px 0;
    overflow: auto;
  }
  .chooser button.choice {
    display: flex;
    gap: 10px;
    align-items: center;
    justify-content: flex-start;
    width: 100%;
    min-height: 48px;
    padding: 6px 12px;
    border: 0;
    border-radius: 0;
    background: none;
    color: inherit;
    font: inherit;
    text-align: start;
    cursor: pointer;
  }
  .chooser button.choice:hover,
  .chooser button.choice:focus-visible,
  .chooser button.choice[aria-current='true'] {
    background: var(--sm-surface);
  }
  .choice-text {
    display: flex;
    flex-direction: column;
    min-width: 0;
  }
  .choice-name {
    font-weight: 600;
  }
  .choice-text .meta {
    color: var(--sm-muted);
    font-size: 0.85em;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .pager {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 6px;
    padding: 6px 8px;
    border-top: 1px solid var(--sm-border);
    font-size: 0.85em;
  }
`;
