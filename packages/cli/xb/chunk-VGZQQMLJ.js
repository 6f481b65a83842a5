// ../core/dist/operations/nearest-name.js
function nearestName(name, candidates) {
  if (candidates.includes(name))
    return void 0;
  const wanted = normalise(name);
  let best;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const target = normalise(candidate);
    const limit = target.length >= 9 ? 2 : 1;
    if (Math.abs(target.length - wanted.length) > limit)
      continue;
    const distance = editDistance(wanted, target, limit);
    if (distance <= limit && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
function didYouMean(name, candidates) {
  const nearest = nearestName(name, candidates);
  return nearest === void 0 ? "" : ` (did you mean '${nearest}'?)`;
}
function normalise(name) {
  return name.toLowerCase().replace(/[_-]/g, "");
}
function editDistance(a, b, limit) {
  if (a === b)
    return 0;
  const n = b.length;
  let before = [];
  let previous = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMinimum = i;
    for (let j = 1; j <= n; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        value = Math.min(value, before[j - 2] + 1);
      }
      current.push(value);
      if (value < rowMinimum)
        rowMinimum = value;
    }
    if (rowMinimum > limit)
      return limit + 1;
    before = previous;
    previous = current;
  }
  return previous[n];
}

export {
  nearestName,
  didYouMean
};
