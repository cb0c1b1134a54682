/** Help texts of the query language, shown by `help [COMMAND]`. Kept as data, one entry per topic. */
export const HELP: Record<string, string> = {
  path: `path A -> B   shortest directed path over typed relations (A <- B: against them; A -- B: either way)
  options: via REL,REL (only these relations) · avoid NAME[,NAME] · cooccur (also co_occurs edges,
  a co-occurrence hop costs more than a typed one) · max N (at most N hops)
  e.g. path Microsoft -> "Tech Data"   ·   path Microsoft -- HP via partners_with,funds`,
  paths: `paths A -- B [max N] [limit N]   every simple path of at most N hops (default 4), shortest first;
  says how many more exist beyond the limit (default 20). Same options as path.
  e.g. paths Microsoft -- HP max 3`,
  allshortest: `allshortest A -- B [limit N]   every shortest path, and how many there are. Same options as path.
  e.g. allshortest "Tech Data" -- HP`,
  neighbors: `neighbors A [-> | <- | --] [depth N] [via REL,…] [type T,…] [cooccur] [limit N]
  entities within N hops (default 1, at most 6), nearest then best connected first.
  e.g. neighbors Microsoft depth 2 type organization`,
  find: `find [type:T] [name~TEXT] [doc:D] [limit N]   entities by type, name (a bare word is a name) and document
  e.g. find type:person   ·   find name~micro   ·   find doc:001 type:organization`,
  relations: `relations [REL,…] [from A] [to B] [cooccur] [limit N]   edges, heaviest first
  e.g. relations works_for   ·   relations from Microsoft   ·   relations funds to ETC`,
  top: `top degree|pagerank|betweenness [type T] [N] [via REL,…] [cooccur]   the N (default 10) highest scores
  degree: distinct neighbours · pagerank: over directed relations · betweenness: shortest paths through it
  e.g. top pagerank type organization 5`,
  communities: `communities [via REL,…] [cooccur] [min SIZE] [limit N]   Louvain communities (of at least SIZE, default 2)
  and their best connected members
  e.g. communities cooccur`,
  explain: `explain QUERY   the same query, with the evidence sentences and documents of every hop (path, paths,
  allshortest), of the edge each neighbour was reached by (neighbors), or of each edge (relations)
  e.g. explain path OCP -- "Université Mohammed 6 Polytechnique"`,
  names: `Names: labels or aliases, accents and case ignored ("groupe infragest"). Quote names with spaces or
  option words; bare words also work ("path Microsoft -- Tech Data") and stop at an arrow,
  a comma or an option word. A part of one name is enough ("Polytechnique"). TYPE:NAME picks a type
  (place:Wallonie); a node key (organization:microsoft) is accepted as is.`,
  cypher: `A Cypher subset, so that queries carry over to Neo4j (node label = entity type, name or label = the
  entity's label, relationship type = relation; case-insensitive, :Entity = any type, as kg export writes them).
  One pattern per MATCH; LIMIT N at the end; explain may precede MATCH.
  MATCH p=shortestPath((a {name:'X'})-[*..4]-(b {name:'Y'})) RETURN p           path X -- Y max 4
  MATCH p=allShortestPaths((a {name:'X'})-[:funds|owns*]->(b {name:'Y'})) RETURN p  allshortest X -> Y via funds,owns
  MATCH p=(a {name:'X'})-[*..3]-(b {name:'Y'}) RETURN p LIMIT 10                 paths X -- Y max 3 limit 10
  MATCH (a {name:'X'})-[:works_for*1..2]-(b:person) RETURN b                     neighbors X depth 2 via works_for type person
  MATCH (a {name:'X'})-[r:funds]->(b) RETURN a, r, b                               relations funds from X
  MATCH (n:organization) WHERE n.name CONTAINS 'micro' RETURN n                   find type:organization name~micro`,
};

export const OVERVIEW = `Queries (help COMMAND for details and examples):
  path A -> B | A -- B [via REL,…] [avoid NAME] [cooccur] [max N]   shortest path
  paths A -- B [max N] [limit N]                                     all simple paths up to N hops
  allshortest A -- B                                                 every shortest path
  neighbors A [depth N] [via REL,…] [type T]                         what surrounds an entity
  find [type:T] [name~TEXT] [doc:D]                                  search entities
  relations [REL] [from A] [to B]                                    list edges
  top degree|pagerank|betweenness [type T] [N]                       most central entities
  communities                                                        Louvain communities
  explain QUERY                                                      add evidence sentences
  help names · help cypher                                           names and the Cypher subset`;
