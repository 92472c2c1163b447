/**
 * Styles of the built-in detail panel's body (facts, services, honors, navigation links, route
 * summary, rating QR), adopted into the shadow root when the panel's module loads (see
 * controllers/lazy-module.ts). The panel's frame (header, title, close) is styled with the element,
 * since a page's own detail body uses it too.
 */
import { css } from 'lit';

export const detailStyles = css`
  .detail .photo {
    display: block;
    width: 100%;
    aspect-ratio: 16 / 9;
    object-fit: cover;
    margin-top: 12px;
    border-radius: calc(var(--sm-radius) - 4px);
    background: var(--sm-surface);
  }
  .station-status.closed {
    color: var(--sm-closed);
    font-weight: 600;
  }
  .detail .feedback {
    margin: 12px 0 0;
  }
  .detail dl {
    display: grid;
    grid-template-columns: max-content minmax(0, 1fr);
    gap: 6px 12px;
    margin: 14px 0;
  }
  .detail dt {
    color: var(--sm-muted);
  }
  .detail dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .services,
  .honors {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .services li {
    display: inline-flex;
    gap: 4px;
    align-items: center;
    padding: 2px 8px 2px 4px;
    border-radius: 999px;
    background: var(--sm-surface);
    font-size: 0.9em;
  }
  .services svg {
    width: 18px;
    height: 18px;
    fill: currentColor;
  }
  .honors li {
    padding: 2px 8px;
    border-radius: 6px;
    background: #fff8c5;
    color: #4d2d00;
    font-size: 0.85em;
  }
  .nav-links {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(130px, 1fr));
    gap: 6px;
    margin: 10px 0 0;
    padding: 0;
    list-style: none;
  }
  .nav-links a {
    display: flex;
    align-items: center;
    min-height: 44px;
    padding: 6px 10px;
    border: 1px solid var(--sm-border);
    border-radius: 8px;
    text-decoration: none;
  }
  .route-summary {
    margin-top: 12px;
    padding: 10px 12px;
    border-radius: 8px;
    background: var(--sm-surface);
  }
  .route-summary strong {
    font-size: 1.1em;
  }
  .route-summary .note {
    color: var(--sm-muted);
    font-size: 0.85em;
    display: block;
  }
  .rating {
    margin-top: 12px;
  }
  figure.qr {
    margin: 8px 0 0;
    display: inline-grid;
    justify-items: center;
    gap: 4px;
    color: var(--sm-muted);
    font-size: 0.85em;
  }
  figure.qr svg {
    width: 148px;
    height: 148px;
    border-radius: 6px;
  }
  @media (prefers-color-scheme: dark) {
    .honors li {
      background: #3b2e00;
      color: #f2cc60;
    }
  }
`;
