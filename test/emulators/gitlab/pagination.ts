// GitLab's offset pagination: `page` and `per_page` (default 20, at most 100), answered with x-page, x-per-page,
// x-total, x-total-pages, x-next-page and x-prev-page (empty on the last or first page) and a Link header.

export function paginate<T>(
  all: T[],
  page: number,
  perPage: number,
  requestUrl: URL,
): { items: T[]; headers: Record<string, string> } {
  const size = Math.min(100, Math.max(1, perPage));
  const totalPages = Math.max(1, Math.ceil(all.length / size));
  const current = Math.max(1, page);
  const items = all.slice((current - 1) * size, current * size);
  const link = (n: number) => {
    const u = new URL(requestUrl);
    // GitLab's links end with page, then per_page.
    u.searchParams.delete('page');
    u.searchParams.delete('per_page');
    u.searchParams.set('page', String(n));
    u.searchParams.set('per_page', String(size));
    return u.href;
  };
  const links: string[] = [];
  if (current > 1) links.push(`<${link(current - 1)}>; rel="prev"`);
  if (current < totalPages) links.push(`<${link(current + 1)}>; rel="next"`);
  links.push(`<${link(1)}>; rel="first"`, `<${link(totalPages)}>; rel="last"`);
  return {
    items,
    headers: {
      'x-page': String(current),
      'x-per-page': String(size),
      'x-total': String(all.length),
      'x-total-pages': String(totalPages),
      'x-next-page': current < totalPages ? String(current + 1) : '',
      'x-prev-page': current > 1 ? String(current - 1) : '',
      link: links.join(', '),
    },
  };
}
