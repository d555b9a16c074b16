import { useQueryClient } from '@tanstack/react-query';
import { App, Tree } from 'antd';
import type { DataNode, EventDataNode } from 'antd/es/tree';
import { useCallback, useEffect, useRef, useState, type Key } from 'react';
import { errorMessage } from '../../lib/serverErrors';
import { childrenQuery } from './api';
import { OrgUnitTitle } from './OrgUnitTitle';
import type { OrgUnitSummary } from './types';

interface UnitNode extends DataNode {
  key: string;
  unit: OrgUnitSummary;
  children?: UnitNode[];
}

function toNode(unit: OrgUnitSummary): UnitNode {
  return { key: unit.id, unit, isLeaf: !unit.hasChildren };
}

function withChildren(nodes: UnitNode[], key: string, children: UnitNode[]): UnitNode[] {
  return nodes.map((node) => {
    if (node.key === key) {
      return { ...node, children, isLeaf: children.length === 0 };
    }
    return node.children ? { ...node, children: withChildren(node.children, key, children) } : node;
  });
}

function findNode(nodes: UnitNode[], key: string): UnitNode | undefined {
  for (const node of nodes) {
    if (node.key === key) {
      return node;
    }
    const found = node.children && findNode(node.children, key);
    if (found) {
      return found;
    }
  }
  return undefined;
}

/** Expanded nodes per date, so that coming back from a unit page shows the tree as it was left. */
const expandedMemory = new Map<string, string[]>();

interface Props {
  roots: OrgUnitSummary[];
  at: string;
}

/** The organisation on `at`, loaded one level at a time as the user opens nodes. */
export function OrgTree({ roots, at }: Props) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [treeData, setTreeData] = useState<UnitNode[]>(() => roots.map(toNode));
  const [expandedKeys, setExpandedKeys] = useState<string[]>([]);
  const [loadedKeys, setLoadedKeys] = useState<string[]>([]);
  const treeRef = useRef(treeData);
  treeRef.current = treeData;

  const fetchChildren = useCallback(
    async (key: string): Promise<UnitNode[]> => {
      try {
        const { items } = await queryClient.fetchQuery(childrenQuery(key, at));
        return items.map(toNode);
      } catch (error) {
        void message.error(errorMessage(error));
        return [];
      }
    },
    [queryClient, at, message],
  );

  const loadData = useCallback(
    async (node: EventDataNode<UnitNode>) => {
      const key = String(node.key);
      if (node.children) {
        return;
      }
      const children = await fetchChildren(key);
      treeRef.current = withChildren(treeRef.current, key, children);
      setTreeData(treeRef.current);
      setLoadedKeys((keys) => (keys.includes(key) ? keys : [...keys, key]));
    },
    [fetchChildren],
  );

  // Open again what was open on this date; a single root opens by itself.
  useEffect(() => {
    let isCancelled = false;
    const remembered = expandedMemory.get(at);
    const single = roots.length === 1 && roots[0].hasChildren ? [roots[0].id] : [];
    const toOpen = remembered ?? single;
    void (async () => {
      const opened: string[] = [];
      for (const key of toOpen) {
        const node = findNode(treeRef.current, key);
        if (isCancelled || !node || node.isLeaf) {
          continue;
        }
        if (!node.children) {
          const children = await fetchChildren(key);
          if (isCancelled) {
            return;
          }
          treeRef.current = withChildren(treeRef.current, key, children);
        }
        opened.push(key);
      }
      if (!isCancelled) {
        setTreeData(treeRef.current);
        setLoadedKeys(opened);
        setExpandedKeys(opened);
      }
    })();
    return () => {
      isCancelled = true;
    };
  }, [at, roots, fetchChildren]);

  const onExpand = (keys: Key[]) => {
    const next = keys.map(String);
    setExpandedKeys(next);
    expandedMemory.set(at, next);
  };

  return (
    <Tree<UnitNode>
      treeData={treeData}
      loadData={loadData}
      loadedKeys={loadedKeys}
      expandedKeys={expandedKeys}
      onExpand={onExpand}
      selectable={false}
      blockNode
      showLine
      // No open/close animation: 60+ children animate slowly, and a click during the animation is lost.
      motion={false}
      titleRender={(node) => <OrgUnitTitle unit={node.unit} at={at} />}
    />
  );
}
